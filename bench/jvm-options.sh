#!/usr/bin/env bash
# The JVM choices of bin/pdfvariants, measured side by side: the collector (Parallel, G1, Serial),
# the heap bound (sized from the workers, as the launcher does, against the JVM's default of a
# quarter of the memory) and when the optimizing compiler starts (the launcher's later C2 against
# the JVM's default thresholds and against 2x later still) and how much it inlines (the launcher's
# FreqInlineSize=150 against the JVM's 325 and against 100; InlineSmallCode=1500 against the JVM's
# 2500), on `run VARIANTS -j N`, interleaved over
# several rounds.
#
# Usage: bench/jvm-options.sh [CORPUS_DIR] [ROUNDS=3] [WORKERS=2] [VARIANTS=-v text,metadata]
#   default corpus: bench/work/generated-v2-3000 (made by bench/compare) when present, else
#   ../shared/corpus; VARIANTS "default" runs the default variant set
# Needs: JDK 17+, Maven (bin/pdfvariants builds the jar), python3, GNU time (/usr/bin/time).
# Writes: bench/results/jvm-options-<corpus name>[-default].md and .tsv
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=${1:-}
rounds=${2:-3}
workers=${3:-2}
variants=${4:--v text,metadata}
if [ -z "$corpus" ]; then
    corpus=$root/../shared/corpus
    [ -d "$here/work/generated-v2-3000" ] && corpus=$here/work/generated-v2-3000
fi
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: GNU time is missing (apt-get install time)" >&2; exit 2; }
"$root/bin/pdfvariants" --version >/dev/null # builds the jar and the start-up archive outside the timings

mem=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
# options in PDFVARIANTS_JAVA_OPTS come after the launcher's own, so they win
jit_jvm_defaults="-XX:Tier4InvocationThreshold=5000 -XX:Tier4MinInvocationThreshold=600 -XX:Tier4CompileThreshold=15000 -XX:Tier4BackEdgeThreshold=40000"
jit_later="-XX:Tier4InvocationThreshold=120000 -XX:Tier4MinInvocationThreshold=16000 -XX:Tier4CompileThreshold=240000 -XX:Tier4BackEdgeThreshold=1280000"
configs=("parallel-sized|" "g1-sized|-XX:+UseG1GC" "serial-sized|-XX:+UseSerialGC"
         "parallel-default-heap|-Xmx$((mem / 4))m"
         "jit-jvm-defaults|$jit_jvm_defaults" "jit-2x-later|$jit_later"
         "inline-jvm-default|-XX:FreqInlineSize=325" "inline-100|-XX:FreqInlineSize=100"
         "inline-small-code-jvm-default|-XX:InlineSmallCode=2500")
run_args=($variants)
name=$(basename "$corpus")
[ "$variants" = default ] && run_args=() && name=$name-default
scratch=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$scratch" "$here/results"
tsv=$here/results/jvm-options-$name.tsv
printf 'round\tconfig\twall_s\tcpu_s\tpeak_rss_mb\n' > "$tsv"
for round in $(seq 1 "$rounds"); do
    shift_by=$(( (round - 1) % ${#configs[@]} ))
    order=("${configs[@]:$shift_by}" "${configs[@]:0:$shift_by}")
    for config in "${order[@]}"; do
        config_name=${config%%|*} opts=${config#*|}
        out=$scratch/out-$config_name
        rm -rf "$out"
        PDFVARIANTS_BUILD=0 PDFVARIANTS_JAVA_OPTS="$opts" /usr/bin/time -o "$scratch/time" -f '%e %U %S %M' \
            "$root/bin/pdfvariants" run "$corpus" -o "$out" ${run_args[@]+"${run_args[@]}"} -j "$workers" --progress none \
            >/dev/null 2>&1 || true # exit 1 is expected on a corpus with broken files
        read -r wall user sys rss < <(tail -n 1 "$scratch/time") # after "Command exited with non-zero status"
        printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$config_name" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" >> "$tsv"
        echo "bench: round $round $config_name: ${wall}s wall, $((rss / 1024)) MB peak" >&2
        rm -rf "$out"
    done
done
python3 - "$tsv" "$here/results/jvm-options-$name.md" "$corpus" "$rounds" "$workers" "$mem" "$variants" <<'PY'
import csv, statistics, sys, os
tsv, md, corpus, rounds, workers, mem, variants = sys.argv[1:8]
variants = '(the default set)' if variants == 'default' else variants
rows = list(csv.DictReader(open(tsv), delimiter='\t'))
names = list(dict.fromkeys(r['config'] for r in rows))
med = lambda c, k: statistics.median(float(r[k]) for r in rows if r['config'] == c)
base = med('parallel-sized', 'wall_s')
out = [f'# JVM options of bin/pdfvariants, side by side', '',
       f'`bench/jvm-options.sh`: `run {variants} -j {workers}` on {os.path.basename(corpus)}, {rounds} interleaved '
       f'rounds, {os.cpu_count()} cores, {mem} MiB of memory. Medians; peak RSS is the largest over the rounds. '
       '"sized" is the launcher\'s heap bound (256 MiB + 192 MiB per worker); "default-heap" is the JVM\'s own '
       '(a quarter of the memory). "jit-jvm-defaults" starts the optimizing compiler (C2) at the JVM\'s default '
       'thresholds instead of the launcher\'s later ones; "jit-2x-later" starts it twice as late again; '
       '"inline-jvm-default" lets C2 inline hot methods of up to 325 bytecodes (the JVM\'s default) instead of '
       'the launcher\'s 150, "inline-100" up to 100; "inline-small-code-jvm-default" inlines callees already compiled '
       'to up to 2,500 bytes (the JVM\'s default) instead of 1,500.', '',
       '| config | wall s | CPU s | peak RSS MB | wall vs parallel-sized |', '|---|---|---|---|---|']
for c in names:
    rss = max(int(r['peak_rss_mb']) for r in rows if r['config'] == c)
    out.append(f"| {c} | {med(c, 'wall_s'):.2f} | {med(c, 'cpu_s'):.2f} | {rss} | {med(c, 'wall_s') / base:.2f}× |")
open(md, 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
PY
