# Sourced by bench/jmh.sh and bench/content-stages.sh, from the repository's root: the classes of
# src/jmh/java, which build only with the Maven profile -Pjmh (`mvn verify` never sees them).

# Compiles them (and the main classes) afresh, so that JMH's annotation processor writes its
# benchmark list again (it is removed after each run; an up-to-date compile would not rerun it),
# and writes their class path to target/jmh-classpath.txt.
jmh_build() {
    find target/test-classes -name '*Benchmark*.class' -delete 2>/dev/null || true
    mvn -B -q -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/jmh-classpath.txt
}

jmh_classpath() {
    printf '%s' "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)"
}

# The generated benchmark classes are not for the ordinary test run.
jmh_clean() {
    rm -rf target/test-classes/META-INF/BenchmarkList target/test-classes/META-INF/CompilerHints
    find target/test-classes -type d -name jmh_generated -prune -exec rm -rf {} +
}
