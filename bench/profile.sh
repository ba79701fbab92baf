#!/usr/bin/env bash
# Where the time of a run goes: records a JDK Flight Recorder profile of `bin/pdfvariants run` and
# summarises its execution samples by top frame (self time), by package, and inclusively for the
# methods of pdfvariants (a stage and everything it calls), plus the CPU time of each JVM thread
# group (workers, JIT compilers, GC) from /proc.
#
# Samples are taken every millisecond (bench/profile.jfc) with -XX:+DebugNonSafepoints: without it
# the JVM maps a sample in compiled code to the nearest safepoint's method, so loops inlined into a
# caller show up under a callee they merely call now and then (a sentence-graph loop was reported
# as its heap's sift-down).
#
# Usage: bench/profile.sh CORPUS_DIR [RUN OPTIONS...]     e.g. bench/profile.sh ../shared/corpus -v text -j 2
# Needs: JDK 17+ (java, jfr), python3, Linux /proc.
# Writes: bench/results/profile-<name of corpus>.txt and the recording bench/work/profile.jfr
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 1 ] || { sed -n '2,8p' "$0"; exit 2; }
corpus=$(cd "$1" && pwd)
shift
[ $# -gt 0 ] || set -- -v text -j 2
"$root/bin/pdfvariants" --version >/dev/null # builds the jar outside the recording
mkdir -p "$here/work" "$here/results"
jfr_file=$here/work/profile.jfr
out=$(mktemp -d)
threads=$here/work/profile-threads.txt
: > "$threads"
PDFVARIANTS_BUILD=0 PDFVARIANTS_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=filename=$jfr_file,settings=$here/profile.jfc" \
    "$root/bin/pdfvariants" run "$corpus" -o "$out" "$@" --progress none >/dev/null 2>&1 &
launcher=$!
sleep 0.5
# the JVM's threads' CPU time (utime + stime, in clock ticks), sampled until it exits
while kill -0 "$launcher" 2>/dev/null; do
    pid=$(pgrep -f "StartFlightRecording=filename=$jfr_file" | head -n 1) || pid=
    if [ -n "$pid" ]; then
        # every sample is kept: a thread that ends before the JVM (a worker) still counts
        for t in /proc/"$pid"/task/*; do
            # utime + stime: fields 14 and 15, counted after the ") " that closes the thread's name,
            # which may hold spaces ("C2 CompilerThre", "GC Thread#0", "VM Thread")
            printf '%s\t%s\t%s\n' "${t##*/}" "$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}')" "$(cat "$t/comm" 2>/dev/null)"
        done >> "$threads" 2>/dev/null || true
    fi
    sleep 0.5
done
wait "$launcher" || true
rm -rf "$out"
report=$here/results/profile-$(basename "$corpus").txt
samples=$here/work/profile-samples.txt
jfr print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" > "$samples"
# the corpus as the command was given, relative to the repository when it lies near it: no machine's paths in results
shown=$(realpath --relative-to="$root" "$corpus" 2>/dev/null || basename "$corpus")
python3 - "$samples" "$threads" "$shown" "$*" > "$report" <<'PY'
import collections, re, sys
samples_file, threads_file, corpus, options = sys.argv[1:5]
frames = collections.Counter()
packages = collections.Counter()
inclusive = collections.Counter()  # pdfvariants methods on the stack (once per sample)
total = 0
def add(stack):
    global total
    if not stack:
        return
    method = stack[0]
    frames[method] += 1
    parts = method.split('.')
    pkg = '.'.join(p for p in parts[:-2] if p[:1].islower())
    pkg = '.'.join(pkg.split('.')[:4])
    packages[pkg] += 1
    total += 1
    for m in set(stack):
        if m.startswith('dev.pdfvariants.') and '.lambda$' not in m:
            inclusive[m] += 1
stack = []
for line in open(samples_file):
    if line.startswith('jdk.ExecutionSample'):
        add(stack)
        stack = []
        continue
    m = re.match(r'\s+([\w$.<>]+)\(', line)
    if m and 'line:' in line:
        stack.append(m.group(1))
add(stack)
latest = {}  # thread id -> (largest CPU ticks seen, name)
for line in open(threads_file):
    fields = line.rstrip('\n').split('\t', 2)
    if len(fields) != 3 or not fields[1].isdigit():
        continue
    tid, t, name = fields
    if int(t) >= latest.get(tid, (-1, ''))[0]:
        latest[tid] = (int(t), name)
groups = collections.Counter()
ticks = 0
for t, name in latest.values():
    group = re.sub(r'[#\d\-]+$', '', name).strip() or name
    groups[group] += t
    ticks += t
print(f'# bench/profile.sh {corpus} {options}')
print(f'# JFR execution samples (Java threads running Java code): {total}')
print('\n## CPU seconds by JVM thread group (from /proc, the last sample of each thread)')
for name, t in groups.most_common(10):
    print(f'{t / 100:8.1f} s  {100 * t / max(ticks, 1):5.1f} %  {name}')
print('\n## Self time by package (top frame)')
for name, n in packages.most_common(15):
    print(f'{100 * n / max(total, 1):5.1f} %  {name}')
print('\n## Self time by method (top frame)')
for name, n in frames.most_common(25):
    print(f'{100 * n / max(total, 1):5.1f} %  {name}')
print('\n## Inclusive time of pdfvariants methods (the method and all it calls; stacks cut at 64 frames)')
for name, n in inclusive.most_common(40):
    print(f'{100 * n / max(total, 1):5.1f} %  {name}')
PY
cat "$report"
echo "bench: profile in $report (recording: $jfr_file)" >&2
