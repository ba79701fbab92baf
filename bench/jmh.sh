#!/usr/bin/env bash
# JMH micro-benchmarks of the hot paths of the text model and ranking (sentence segmentation,
# term frequencies, keyword statistics, graph ranking, language detection, model building) and
# of the extraction pass (PDFBox's stripper against pdfvariants' extractor, the duplicate-glyph
# check). They live in src/jmh/java and build only with the Maven profile -Pjmh, so `mvn verify`
# never runs them.
#
# Usage: bench/jmh.sh [JMH ARGS...]     e.g. bench/jmh.sh 'TextModelBenchmark.graph.*' -p document=long
# Writes: bench/results/jmh.txt (JMH's report) and bench/results/jmh.json
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
args="-rf json -rff bench/results/jmh.json -o bench/results/jmh.txt ${*:-}"
{
    echo "# bench/jmh.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    java -version 2>&1 | head -n 1
} > bench/results/jmh.env
. bench/lib/jmh-build.sh
jmh_build
# shellcheck disable=SC2086 # the arguments are words
java -cp "$(jmh_classpath)" org.openjdk.jmh.Main $args
jmh_clean
cat bench/results/jmh.env bench/results/jmh.txt > bench/results/jmh.tmp && mv bench/results/jmh.tmp bench/results/jmh.txt
rm -f bench/results/jmh.env
grep -E '^(Benchmark|[A-Za-z]+Benchmark\.)' bench/results/jmh.txt || true
echo "bench: results in bench/results/jmh.txt and bench/results/jmh.json" >&2
