#!/bin/sh
# Incremental-run benchmark: the first run of the shared corpus into a fresh output directory
# against an unchanged re-run into the same one (everything up to date: skipped from the cache),
# and against a re-run with --force (the cache ignored), through bin/pdfvariants as users run it.
# Two variant sets: the default one (text, metadata, summary, outline, topics, highlights) and all. Rounds alternate the
# runs, so load from other processes hits them alike: compare the ratios of one run.
#
#   bench/rerun.sh [ROUNDS] [CORPUS]   (defaults 3 and ../shared/corpus; writes bench/results/rerun.txt)
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-3}
corpus=${2:-../shared/corpus}
out=bench/results/rerun.txt
launcher=bin/pdfvariants
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
[ -f "$corpus/MANIFEST.tsv" ] || { echo "bench: no corpus at $corpus" >&2; exit 1; }
# the encrypted variant (in "all") needs a password for the files it writes
PDFVARIANTS_ENCRYPT_PASSWORD=bench-only
export PDFVARIANTS_ENCRYPT_PASSWORD

now_ms() { # milliseconds: date +%s%N (GNU, busybox), else python3
    n=$(date +%s%N 2>/dev/null)
    case $n in
        *N | '') python3 -c 'import time; print(int(time.time() * 1000))' ;;
        *) echo $((n / 1000000)) ;;
    esac
}

# timed NAME args... : one run of the launcher; appends its wall time (ms) to $work/NAME
timed() {
    name=$1
    shift
    s=$(now_ms)
    status=0
    "$launcher" run "$corpus" --progress none "$@" >/dev/null 2>"$work/stderr" || status=$?
    e=$(now_ms)
    if [ "$status" -gt 1 ]; then
        echo "bench: 'pdfvariants run $*' exited $status" >&2
        cat "$work/stderr" >&2
        exit 1
    fi
    echo $((e - s)) >>"$work/$name"
}

median() { sort -n "$work/$1" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }

# how the last re-run ended: skipped = every variant up to date; failed = failed again (from the cache, or redone)
skipped() {
    python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["counts"]; print("%d skipped, %d failed, %d succeeded of %d" % (c["skipped"], c["failed"], c["succeeded"], c["discovered"]))' \
        "$1/_run/manifest.json" 2>/dev/null || echo "?"
}

# Warm-up: build the jar and the start-up archive if needed.
"$launcher" --version >/dev/null
"$launcher" run --help >/dev/null

for set in default all; do
    if [ "$set" = all ]; then variants="-v all"; else variants=""; fi
    i=0
    while [ "$i" -lt "$rounds" ]; do
        o="$work/out-$set"
        rm -rf "$o"
        # shellcheck disable=SC2086
        timed "$set-first" -o "$o" $variants
        for _ in 1 2 3; do
            # shellcheck disable=SC2086
            timed "$set-rerun" -o "$o" $variants
        done
        cp "$o/_run/manifest.json" "$work/$set-rerun-manifest.json"
        # shellcheck disable=SC2086
        timed "$set-force" -o "$o" $variants --force
        i=$((i + 1))
    done
    mkdir -p "$work/m-$set/_run" && cp "$work/$set-rerun-manifest.json" "$work/m-$set/_run/manifest.json"
    echo "$(skipped "$work/m-$set")" >"$work/$set-outcome"
done

row() {
    f=$(median "$2-first"); r=$(median "$2-rerun"); fo=$(median "$2-force")
    printf '%-34s %8s ms %10s ms %8sx %10s ms   %s\n' "$1" "$f" "$r" "$(ratio "$f" "$r")" "$fo" "$(cat "$work/$2-outcome")"
}
{
    echo "# bench/rerun.sh: median wall time, $rounds rounds of: first run, 3 unchanged re-runs, 1 --force re-run ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
    echo "# corpus $(wc -l <"$corpus/MANIFEST.tsv" | awk '{print $1 - 1}') files; $(uname -sm), $(java -version 2>&1 | head -n 1), $(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    printf '%-34s %11s %13s %9s %13s   %s\n' "variants" "first run" "re-run" "ratio" "--force" "the re-run's documents"
    row "default set" default
    row "all (-v all)" all
} | tee "$out"
