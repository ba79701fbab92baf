#!/usr/bin/env bash
# Where the default variant set's extra cost comes from: the content variants' own work, or the
# JIT compilers warming up their code. Runs the default set over COPIES copies of one long
# document, in one batch, and reads each copy's per-variant durations from the manifest: text
# extraction against the content variants (metadata, summary, outline, highlights, topics), copy by
# copy in the order they ran. The first copies run on cold code; the last ones show what the
# content variants cost once compiled.
#
# usage: bench/content-warmup.sh [PDF] [COPIES]
#   PDF     default: the largest document of bench/work/generated-v2-3000 (bench/compare makes it)
#   COPIES  default: 40
# env:   WORKERS (default 2)
# writes bench/results/content-warmup.txt
set -euo pipefail
cd "$(dirname "$0")/.."
pdf="${1:-}"
copies="${2:-40}"
workers="${WORKERS:-2}"
if [ -z "$pdf" ]; then
    [ -d bench/work/generated-v2-3000 ] || { echo "bench: no PDF given and no bench/work/generated-v2-3000 (run bench/compare once)" >&2; exit 2; }
    pdf=$(find bench/work/generated-v2-3000 -name '*.pdf' -printf '%s %p\n' | sort -rn | head -n 1 | cut -d' ' -f2-)
fi
[ -f "$pdf" ] || { echo "bench: no such PDF: $pdf" >&2; exit 2; }
bin/pdfvariants --version >/dev/null # builds the jar outside the measurement
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/in" bench/results
for i in $(seq -w 1 "$copies"); do
    cp "$pdf" "$scratch/in/copy-$i.pdf"
done
PDFVARIANTS_BUILD=0 bin/pdfvariants run "$scratch/in" -o "$scratch/out" -j "$workers" --progress none -q >/dev/null 2>&1 || true
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') || pages=
python3 - "$scratch/out/_run/manifest.json" "$(basename "$pdf")" "${pages:-?}" "$copies" "$workers" \
    > bench/results/content-warmup.txt <<'PY'
import json, sys
manifest, name, pages, copies, workers = sys.argv[1:6]
docs = json.load(open(manifest))['documents']  # in path order: the order the equal-sized copies ran in
def split(d):
    text = sum(v.get('durationMs', 0) for v in d['variants'] if v['name'] == 'text')
    content = sum(v.get('durationMs', 0) for v in d['variants'] if v['name'] != 'text')
    return text, content
print(f'# bench/content-warmup.sh: the default variant set over {copies} copies of {name} ({pages} pages), -j {workers}')
print('# per copy, in the order they ran: text extraction and the content variants (metadata, summary,')
print('# outline, highlights, topics), milliseconds of the manifest, and content / text')
print()
print('copy  text ms  content ms  content/text')
for i, d in enumerate(docs, 1):
    t, c = split(d)
    print(f'{i:4d}  {t:7d}  {c:10d}  {c / max(t, 1):12.2f}')
n = len(docs)
print()
for label, part in (('first quarter', docs[: max(1, n // 4)]), ('last half', docs[n // 2:])):
    t = sum(split(d)[0] for d in part)
    c = sum(split(d)[1] for d in part)
    print(f'{label:14s} text {t:7d} ms, content {c:7d} ms: content/text {c / max(t, 1):.2f}')
PY
cat bench/results/content-warmup.txt
echo "bench: results in bench/results/content-warmup.txt" >&2
