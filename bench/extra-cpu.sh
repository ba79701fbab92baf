#!/usr/bin/env bash
# Where the default variant set's extra CPU goes, against `-v text`, on one corpus: both runs are
# recorded with Linux perf (cpu-clock samples of every thread of the JVM, compiled Java code named
# through the map the JVM writes at exit, -XX:+DumpPerfMapAtExit), interleaved over ROUNDS rounds,
# and the samples are summed by thread group (workers, JIT compilers, collector, the rest) and, for
# the workers, by what ran: pdfvariants' content code (dev.pdfvariants.text), the rest of
# pdfvariants, PDFBox, the JDK, Jackson, the bytecode interpreter, compiled code no longer in the
# map at exit (code the JIT replaced: mostly the profiled C1 code that runs before C2 has compiled a
# method), the JVM's runtime, the kernel, zlib. Unlike JFR's execution samples, which see Java
# threads running Java code only, this counts every CPU second, the warm-up's included.
#
# usage: bench/extra-cpu.sh [CORPUS_DIR] [ROUNDS]
#   CORPUS_DIR  default: bench/work/generated-v2-3000 (bench/compare makes it)
#   ROUNDS      default 2
# Needs: Linux perf (package linux-perf) allowed to sample user code (kernel.perf_event_paranoid <= 2),
#   python3, JDK 17+.
# env:   BENCH_OUT (default: a tmpfs under /dev/shm when writable, else a temporary directory): where the
#        runs write their outputs. Not a disk file system by default: on one that has just deleted the
#        previous run's outputs (ext4 without a journal, as here), creating files scans past the recently
#        deleted inodes, which charged the set writing more files with kernel time of the benchmark's own.
# Writes: bench/results/extra-cpu-<name of corpus>.txt
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus=${1:-$here/work/generated-v2-3000}
rounds=${2:-2}
[ -d "$corpus" ] || { echo "bench: no corpus $corpus (bench/compare makes the generated one)" >&2; exit 2; }
corpus=$(cd "$corpus" && pwd)
command -v perf >/dev/null 2>&1 || { echo "bench: perf is missing (apt-get install linux-perf)" >&2; exit 2; }
"$root/bin/pdfvariants" --version >/dev/null # builds the jar outside the recordings
mkdir -p "$here/work" "$here/results"
work=$(mktemp -d)
out_base=${BENCH_OUT:-}
[ -z "$out_base" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && out_base=/dev/shm
mkdir -p "${out_base:-$work}"
outputs=$(mktemp -d "${out_base:-$work}/pdfvariants-extra-cpu.XXXXXX")
out=$outputs/out
trap '[ -n "${KEEP:-}" ] || rm -rf "$work" "$outputs"' EXIT
report=$here/results/extra-cpu-$(basename "$corpus").txt
hz=499
for round in $(seq "$rounds"); do
    for set in text default; do
        args=(-j 2 --progress none)
        [ "$set" = text ] && args+=(-v text)
        # Some runs lose a slice of the compiled code's names (code the JVM freed before it wrote its
        # map at exit shows as [unknown]): such a run is recorded again, up to three times in all.
        for _ in 1 2 3; do
            rm -rf "$out"
            ls /tmp/perf-*.map 2>/dev/null | sort > "$work/maps-before" || true
            PDFVARIANTS_BUILD=0 PDFVARIANTS_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" \
                perf record -q -F "$hz" -e cpu-clock -o "$work/$set-$round.data" -- \
                "$root/bin/pdfvariants" run "$corpus" -o "$out" "${args[@]}" >/dev/null 2>"$work/stderr" || {
                echo "bench: the $set run failed:" >&2; tail -n 5 "$work/stderr" >&2; exit 1; }
            perf script -i "$work/$set-$round.data" -F comm,ip,sym,dso 2>/dev/null > "$work/$set-$round.txt"
            # the JVM's map of compiled code, read by perf script above: removed, others' left alone
            ls /tmp/perf-*.map 2>/dev/null | sort | comm -13 "$work/maps-before" - | xargs -r rm -f
            workers=$(grep -c '^ *pdfvariants-wor' "$work/$set-$round.txt" || true)
            unnamed=$(grep '^ *pdfvariants-wor' "$work/$set-$round.txt" | grep -c '\[unknown\] (/tmp/perf-' || true)
            [ $((unnamed * 50)) -le "$workers" ] && break
            echo "bench: $set round $round: $unnamed of $workers worker samples in unnamed compiled code; recording again" >&2
        done
    done
done
{
    echo "# bench/extra-cpu.sh $(realpath --relative-to="$root" "$corpus") $rounds, $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    python3 - "$work" "$rounds" "$hz" <<'PY'
import collections, re, sys
work, rounds, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def thread_group(comm):
    for prefix, group in (('pdfvariants-wor', 'workers'), ('C2 CompilerThre', 'C2 compiler'),
                          ('C1 CompilerThre', 'C1 compiler'), ('GC Thread', 'collector')):
        if comm.startswith(prefix):
            return group
    return 'other threads'

def worker_part(sym, dso):
    if dso.startswith('[JIT]') or '/tmp/perf-' in dso:
        if sym.startswith('[unknown]') or re.match(r'^0x[0-9a-f]+$', sym):
            return 'compiled code since replaced'
        if 'Interpreter' in sym:
            return 'interpreter'
        name = re.sub(r'\(.*', '', sym).split(' ')[-1]
        for prefix, part in (('dev.pdfvariants.text', 'content code (dev.pdfvariants.text)'),
                             ('dev.pdfvariants', 'other pdfvariants code'),
                             ('org.apache.pdfbox', 'PDFBox, FontBox'), ('org.apache.fontbox', 'PDFBox, FontBox'),
                             ('com.fasterxml', 'Jackson'), ('java.', 'JDK'), ('jdk.', 'JDK'), ('sun.', 'JDK')):
            if name.startswith(prefix):
                return part
        return 'other compiled code and stubs'
    if 'kernel' in dso:
        return 'kernel'
    if 'libjvm' in dso:
        return 'JVM runtime'
    if 'libz' in dso:
        return 'zlib'
    return 'other native code'

totals = {}
for s in ('text', 'default'):
    groups, parts = collections.Counter(), collections.Counter()
    for r in range(1, rounds + 1):
        for line in open(f'{work}/{s}-{r}.txt', errors='replace'):
            m = re.match(r'\s*(.*?)\s+[0-9a-f]+\s+(.*?)\s*\((.*)\)\s*$', line)
            if not m:
                continue
            comm, sym, dso = m.groups()
            group = thread_group(comm)
            groups[group] += 1
            if group == 'workers':
                parts[worker_part(sym.strip(), dso)] += 1
    totals[s] = (groups, parts)

def row(name, t, d, base):
    t, d = t / hz / rounds, d / hz / rounds
    print(f'| {name} | {t:.2f} | {d:.2f} | {d - t:+.2f} | {(d - t) / base:.3f} |')

text_workers = totals['text'][0]['workers'] / hz / rounds
print(f'\nCPU seconds per run (perf cpu-clock samples at {hz} Hz, mean of {rounds} runs each); '
      'the last column is the extra as a share of the workers\' CPU with -v text.\n')
print('| thread group | -v text | default set | extra | extra / text workers |')
print('|---|---|---|---|---|')
names = sorted(set(totals['text'][0]) | set(totals['default'][0]), key=lambda k: -totals['default'][0][k])
for name in names:
    row(name, totals['text'][0][name], totals['default'][0][name], text_workers)
row('all', sum(totals['text'][0].values()), sum(totals['default'][0].values()), text_workers)
print('\n| what the workers ran | -v text | default set | extra | extra / text workers |')
print('|---|---|---|---|---|')
names = sorted(set(totals['text'][1]) | set(totals['default'][1]),
               key=lambda k: -(totals['default'][1][k] - totals['text'][1][k]))
for name in names:
    row(name, totals['text'][1][name], totals['default'][1][name], text_workers)
PY
} > "$report"
cat "$report"
echo "bench: results in $report" >&2
