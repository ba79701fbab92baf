#!/usr/bin/env bash
# Measures the extra cost of the content variants: `-v text,summary,outline,topics,highlights`
# against `-v text` on the same folder, side by side. Runs are interleaved (A B A B ...) so that
# machine noise hits both alike; each run writes to a fresh output directory (nothing cached).
#
# usage: bench/content-overhead.sh [INPUT_DIR] [ROUNDS]      (defaults: ../shared/corpus, 5)
# env:   WORKERS (default 2), JAVA_OPTS
# writes bench/results/content-overhead.tsv (every run) and bench/results/content-overhead.txt (summary)
set -euo pipefail
cd "$(dirname "$0")/.."
input="${1:-../shared/corpus}"
rounds="${2:-5}"
workers="${WORKERS:-2}"
jar=target/pdfvariants.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
mkdir -p bench/results
tsv=bench/results/content-overhead.tsv
summary=bench/results/content-overhead.txt
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

baseline="text"
content="text,summary,outline,topics,highlights"
printf 'round\tvariants\tseconds\n' > "$tsv"

run() { # $1 = label, $2 = variants
    local out="$scratch/$1-$RANDOM$RANDOM"
    local start end
    start=$(date +%s%N)
    java ${JAVA_OPTS:-} -jar "$jar" run "$input" -o "$out" -v "$2" -j "$workers" --progress none \
        --timeout 300s >/dev/null 2>&1 || true   # exit 1 is expected: the corpus holds broken files
    end=$(date +%s%N)
    rm -rf "$out"
    echo "scale=3; ($end - $start) / 1000000000" | bc
}

run warmup "$baseline" >/dev/null   # page cache, JIT-independent file warm-up
for i in $(seq 1 "$rounds"); do
    if [ $((i % 2)) -eq 1 ]; then order="$baseline $content"; else order="$content $baseline"; fi
    for v in $order; do
        s=$(run "r$i" "$v")
        printf '%s\t%s\t%s\n' "$i" "$v" "$s" >> "$tsv"
        echo "round $i  -v $v  ${s}s" >&2
    done
done

python3 - "$tsv" "$summary" "$input" "$rounds" "$workers" <<'PY'
import statistics, sys, datetime, platform, os
tsv, summary, input_dir, rounds, workers = sys.argv[1:]
rows = [l.rstrip('\n').split('\t') for l in open(tsv)][1:]
by = {}
for r, v, s in rows:
    by.setdefault(v, []).append(float(s))
base = by['text']
content = by['text,summary,outline,topics,highlights']
ratios = [c / b for b, c in zip(base, content)]
with open(summary, 'w') as f:
    f.write(f"content-overhead benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC\n")
    f.write(f"input: {input_dir}   rounds: {rounds}   workers: {workers}   cpus: {os.cpu_count()}\n\n")
    f.write(f"-v text                                    median {statistics.median(base):.2f} s   runs {base}\n")
    f.write(f"-v text,summary,outline,topics,highlights  median {statistics.median(content):.2f} s   runs {content}\n")
    f.write(f"ratio of medians: {statistics.median(content) / statistics.median(base):.3f}\n")
    f.write(f"per-round ratios: {[round(r, 3) for r in ratios]}   median {statistics.median(ratios):.3f}\n")
    f.write(f"target: at most 1.3\n")
print(open(summary).read())
PY
