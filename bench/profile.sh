#!/usr/bin/env bash
# Where the time of a run goes: records a JDK Flight Recorder profile of `bin/pdfvariants run` and
# summarises its execution samples by top frame (self time) and by package, plus the CPU time of
# each JVM thread group (workers, JIT compilers, GC) from /proc.
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
PDFVARIANTS_BUILD=0 PDFVARIANTS_JAVA_OPTS="-XX:StartFlightRecording=filename=$jfr_file,settings=profile" \
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
jfr print --events jdk.ExecutionSample --stack-depth 1 "$jfr_file" > "$samples"
# the corpus as the command was given, relative to the repository when it lies near it: no machine's paths in results
shown=$(realpath --relative-to="$root" "$corpus" 2>/dev/null || basename "$corpus")
python3 - "$samples" "$threads" "$shown" "$*" > "$report" <<'PY'
import collections, re, sys
samples_file, threads_file, corpus, options = sys.argv[1:5]
frames = collections.Counter()
packages = collections.Counter()
total = 0
for line in open(samples_file):
    m = re.match(r'\s+([\w$.<>]+)\(', line)
    if m and 'line:' in line:
        method = m.group(1)
        frames[method] += 1
        parts = method.split('.')
        pkg = '.'.join(p for p in parts[:-2] if p[:1].islower())
        pkg = '.'.join(pkg.split('.')[:4])
        packages[pkg] += 1
        total += 1
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
PY
cat "$report"
echo "bench: profile in $report (recording: $jfr_file)" >&2
