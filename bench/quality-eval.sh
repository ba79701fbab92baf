#!/usr/bin/env bash
# Quality evaluation without hand labels (see src/test/java/dev/pdfvariants/bench/QualityEvaluation.java):
# ROUGE of `summary` against abstracts (abstract removed from the input) next to the first-N and
# plain-TextRank baselines, and precision/recall of detected headings against bookmarks (strict, and at
# the depth the bookmarks cover).
#
# usage: bench/quality-eval.sh [DIR...]            (default: ../shared/corpus samples)
# writes bench/results/quality.md; with QUALITY_DETAILS=1 it also prints every detected heading (TP/FP,
# level, page, style) and every missed bookmark (FN) to stderr
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=("$root/../shared/corpus" "$root/samples")
abs=()   # relative to the repository, so the results file names no machine-specific path
for d in "${dirs[@]}"; do abs+=("$(realpath --relative-to="$root" "$d")"); done
cd "$root"
mkdir -p bench/results
details=()
[ -z "${QUALITY_DETAILS:-}" ] || details=(-Dquality.details=true)
mvn -B -q test-compile exec:java -Dexec.classpathScope=test ${details[@]+"${details[@]}"} \
    -Dexec.mainClass=dev.pdfvariants.bench.QualityEvaluation \
    -Dexec.args="bench/results/quality.md ${abs[*]}" 2> >(grep -v '^SLF4J\|WARN\|DEBUG' >&2)
