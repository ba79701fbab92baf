#!/usr/bin/env bash
# Memory of a very large batch: N documents in one run, with the heap bounded. The documents are
# empty files (each fails at once as empty-file, so the run is quick and all its memory is the
# batch's bookkeeping: discovery, output directories, results waiting for the manifest). Reports
# the exit code, the documents the manifest lists, wall time and peak RSS.
#
# usage: bench/many-documents.sh [N] [HEAP]     (defaults: 1000000, 640m: the launcher's bound for -j 2)
# env:   BENCH_OUT (default: /dev/shm when writable, else bench/work): where the files go
# writes bench/results/many-documents.txt
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
heap="${2:-640m}"
base="${BENCH_OUT:-}"
if [ -z "$base" ]; then
    if [ -w /dev/shm ]; then base=/dev/shm; else base=bench/work; fi
fi
bin/pdfvariants --version >/dev/null # builds the jar outside the measurement
scratch=$(mktemp -d "$base/pdfvariants-many.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/in" bench/results
(cd "$scratch/in" && seq -f 'doc-%07g.pdf' 1 "$n" | xargs touch)
set +e
/usr/bin/time -o "$scratch/time" -f '%e %M' env PDFVARIANTS_BUILD=0 PDFVARIANTS_JAVA_OPTS="-Xmx$heap" \
    bin/pdfvariants run "$scratch/in" -o "$scratch/out" -v text -j 2 --progress none -q >/dev/null 2>"$scratch/err"
code=$?
set -e
listed=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['documents']))" \
    "$scratch/out/_run/manifest.json" 2>/dev/null || echo "no manifest")
read -r wall rss < <(tail -n 1 "$scratch/time") # GNU time puts "Command exited ..." first
oom=$(grep -c 'OutOfMemoryError' "$scratch/err" || true)
{
    echo "# bench/many-documents.sh $n $heap: $n empty PDFs, -v text -j 2, -Xmx$heap"
    echo "exit code $code (1 expected: every document fails as empty-file); manifest lists: $listed"
    echo "wall ${wall} s, peak RSS $((rss / 1024)) MB, OutOfMemoryError lines: $oom"
} | tee bench/results/many-documents.txt
