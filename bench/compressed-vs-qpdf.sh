#!/usr/bin/env bash
# Size benchmark of the `compressed` variant against qpdf, side by side on the same files.
#
#   bench/compressed-vs-qpdf.sh [CORPUS_DIR] [RESULTS_FILE]
#
# Runs `pdfvariants run CORPUS -v compressed`, then
# `qpdf --object-streams=generate --compress-streams=y --recompress-flate` on every PDF of CORPUS,
# and writes per-file sizes and the total size ratios (output bytes / input bytes) to RESULTS_FILE
# (default bench/results/compressed-vs-qpdf.txt). Totals are over the files both tools wrote;
# files only one of them could write are counted apart. Needs qpdf; builds the jar on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-../shared/corpus}
results=${2:-bench/results/compressed-vs-qpdf.txt}
command -v qpdf >/dev/null || { echo "bench: qpdf is not installed" >&2; exit 2; }
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
corpus=$(cd "$corpus" && pwd -P)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$results")"

start=$(date +%s.%N)
set +e
bin/pdfvariants run "$corpus" -o "$work/pv" -v compressed -j 2 --timeout 120s --progress none 2>"$work/pv.log"
pv_status=$?
set -e
pv_seconds=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.1f", a - b }')
[ "$pv_status" -le 1 ] || { cat "$work/pv.log" >&2; echo "bench: pdfvariants exited $pv_status" >&2; exit 1; }

in_total=0; pv_total=0; qpdf_total=0; both=0; pv_only=0; qpdf_only=0; neither=0
pv_larger=0; qpdf_larger=0; qpdf_seconds=0
rows="$work/rows"
: >"$rows"
while IFS= read -r -d '' pdf; do
    rel=${pdf#"$corpus"/}
    key=${rel%.[pP][dD][fF]}
    in_size=$(stat -c %s "$pdf")
    pv_out="$work/pv/$key/compressed.pdf"
    q_out="$work/qpdf/$key.pdf"
    mkdir -p "$(dirname "$q_out")"
    t0=$(date +%s.%N)
    set +e
    timeout 120 qpdf --object-streams=generate --compress-streams=y --recompress-flate "$pdf" "$q_out" >/dev/null 2>&1
    q_status=$?
    set -e
    qpdf_seconds=$(awk -v s="$qpdf_seconds" -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { printf "%.1f", s + a - b }')
    # qpdf exit 3 = written with warnings
    { [ "$q_status" -eq 0 ] || [ "$q_status" -eq 3 ]; } && [ -s "$q_out" ] && q_size=$(stat -c %s "$q_out") || q_size=
    [ -f "$pv_out" ] && pv_size=$(stat -c %s "$pv_out") || pv_size=
    if [ -n "$pv_size" ] && [ "$pv_size" -gt "$in_size" ]; then pv_larger=$((pv_larger + 1)); fi
    if [ -n "$q_size" ] && [ "$q_size" -gt "$in_size" ]; then qpdf_larger=$((qpdf_larger + 1)); fi
    if [ -n "$pv_size" ] && [ -n "$q_size" ]; then
        both=$((both + 1))
        in_total=$((in_total + in_size)); pv_total=$((pv_total + pv_size)); qpdf_total=$((qpdf_total + q_size))
    elif [ -n "$pv_size" ]; then pv_only=$((pv_only + 1))
    elif [ -n "$q_size" ]; then qpdf_only=$((qpdf_only + 1))
    else neither=$((neither + 1)); fi
    printf '%-60s %10s %10s %10s\n' "$rel" "$in_size" "${pv_size:--}" "${q_size:--}" >>"$rows"
done < <(find "$corpus" -type f -iname '*.pdf' -print0 | sort -z)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
{
    echo "# compressed vs qpdf, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "# corpus: $(basename "$corpus") ($(find "$corpus" -type f -iname '*.pdf' | wc -l) PDFs); $(qpdf --version | head -n 1); java: $(java -version 2>&1 | head -n 1)"
    echo "# command: bench/compressed-vs-qpdf.sh $*"
    echo "# qpdf command: qpdf --object-streams=generate --compress-streams=y --recompress-flate IN OUT"
    echo
    echo "files written by both:        $both"
    echo "only pdfvariants wrote:       $pv_only"
    echo "only qpdf wrote:              $qpdf_only"
    echo "neither (unreadable/locked):  $neither"
    echo "input bytes (both):           $in_total"
    echo "pdfvariants compressed bytes: $pv_total   ratio $(ratio "$pv_total" "$in_total")"
    echo "qpdf bytes:                   $qpdf_total   ratio $(ratio "$qpdf_total" "$in_total")"
    echo "outputs larger than input:    pdfvariants $pv_larger, qpdf $qpdf_larger"
    echo "wall time (s):                pdfvariants $pv_seconds (-j 2, one JVM), qpdf $qpdf_seconds (sequential)"
    echo
    printf '%-60s %10s %10s %10s\n' "file" "input" "compressed" "qpdf"
    cat "$rows"
} >"$results"
sed -n '1,16p' "$results"
echo "bench: results in $results" >&2
