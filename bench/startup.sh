#!/bin/sh
# Start-up benchmark: median wall time of `pdfvariants --version`, `run --help` and a one-file
# run, on the same JVM settings as bin/pdfvariants, with the class-data sharing (AppCDS) archive
# the launcher makes and without it; then through the launcher as it is (which picks, per
# command, what the first two columns show to be faster). Runs alternate between the variants,
# so load from other processes hits them alike: compare the ratios of one run, not absolute times.
#
#   bench/startup.sh [RUNS]        (default 21; writes bench/results/startup.txt)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-21}
out=bench/results/startup.txt
launcher=bin/pdfvariants
jar=target/pdfvariants.jar
archive=target/pdfvariants.jsa
sample=samples/reports/rooftop-gardens-report.pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
java=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java=$JAVA_HOME/bin/java
fi

now_ms() { # milliseconds: date +%s%N (GNU, busybox), else python3
    n=$(date +%s%N 2>/dev/null)
    case $n in
        *N | '') python3 -c 'import time; print(int(time.time() * 1000))' ;;
        *) echo $((n / 1000000)) ;;
    esac
}

# measure NAME command... : appends one elapsed time (ms) to $work/NAME
measure() {
    name=$1
    shift
    rm -rf "$work/o"
    s=$(now_ms)
    "$@" >/dev/null 2>&1 || true
    e=$(now_ms)
    echo $((e - s)) >>"$work/$name"
}

median() { sort -n "$work/$1" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

jvm() { # the launcher's JVM settings; $1 = with|without the archive, then the arguments
    mode=$1
    shift
    if [ "$mode" = with ]; then
        "$java" -XX:SharedArchiveFile="$archive" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
            -Djava.awt.headless=true -Dfile.encoding=UTF-8 -XX:+UseParallelGC -jar "$jar" "$@"
    else
        "$java" -Djava.awt.headless=true -Dfile.encoding=UTF-8 -XX:+UseParallelGC -jar "$jar" "$@"
    fi
}

# Warm-up: build the jar if needed, make the archive (any command but a lone --version), fill caches.
"$launcher" run --help >/dev/null
test -s "$archive" || { echo "bench: no archive at $archive" >&2; exit 1; }
"$launcher" --version >/dev/null

i=0
while [ "$i" -lt "$runs" ]; do
    measure version-with jvm with --version
    measure version-without jvm without --version
    measure version-launcher "$launcher" --version
    measure help-with jvm with run --help
    measure help-without jvm without run --help
    measure help-launcher "$launcher" run --help
    measure run-with jvm with run "$sample" -o "$work/o" --progress none
    measure run-without jvm without run "$sample" -o "$work/o" --progress none
    measure run-launcher "$launcher" run "$sample" -o "$work/o" --progress none
    i=$((i + 1))
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
row() {
    w=$(median "$2-with"); wo=$(median "$2-without"); l=$(median "$2-launcher")
    printf '%-28s %6s ms %9s ms %6sx %9s ms\n' "$1" "$w" "$wo" "$(ratio "$wo" "$w")" "$l"
}
{
    echo "# bench/startup.sh: median wall time of $runs alternating runs ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo "# $(uname -sm), $("$java" -version 2>&1 | head -n 1), $(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    printf '%-28s %9s %12s %7s %12s\n' "command" "with CDS" "without CDS" "gain" "launcher"
    row "pdfvariants --version" version
    row "pdfvariants run --help" help
    row "pdfvariants run (one PDF)" run
} | tee "$out"
