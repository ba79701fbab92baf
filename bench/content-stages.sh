#!/usr/bin/env bash
# What each stage of the content variants costs once compiled, against the text extraction of the
# same documents: extraction without and with the lines' layout, the text model (running matter,
# blocks, headings, sentences, language), tokens, the sentence graph and its scores, keyword
# statistics. One JVM, one thread, ROUNDS rounds over the documents, the second half averaged
# (src/jmh/java/dev/pdfvariants/document/ContentStages.java). Where bench/content-warmup.sh follows
# the whole default set through a batch as the JIT warms up, this isolates each stage's steady cost.
#
# usage: bench/content-stages.sh [ROUNDS] [PDF...]
#   ROUNDS  default 24
#   PDF     default: nine reports of bench/work/generated-v2-3000 (bench/compare makes it)
# writes bench/results/content-stages.txt
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-24}"
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
    [ -d bench/work/generated-v2-3000 ] || { echo "bench: no PDF given and no bench/work/generated-v2-3000 (run bench/compare once)" >&2; exit 2; }
    # every ninth report of five sets: long and short ones alike
    mapfile -t pdfs < <(find bench/work/generated-v2-3000/set-0[12468] -name '*.pdf' | sort | awk 'NR % 9 == 1' | head -n 9)
    set -- "${pdfs[@]}"
fi
mkdir -p bench/results
. bench/lib/jmh-build.sh
jmh_build
{
    echo "# bench/content-stages.sh $rounds, $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# documents: $*"
    java -XX:+UseParallelGC -Xmx640m -cp "$(jmh_classpath)" dev.pdfvariants.document.ContentStages "$rounds" "$@"
} > bench/results/content-stages.txt
jmh_clean
cat bench/results/content-stages.txt
echo "bench: results in bench/results/content-stages.txt" >&2
