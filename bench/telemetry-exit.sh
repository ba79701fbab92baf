#!/usr/bin/env bash
# What a dead or silent Pushgateway / OTLP collector costs a batch at exit.
#
# Runs the same small batch (samples/reports) with each telemetry set-up, RUNS times each, side by
# side in one run, and writes the median wall time and its ratio to the baseline (no telemetry) to
# bench/results/telemetry-exit.txt. "dead" = nothing listens on the port (connection refused);
# "silent" = a socket accepts connections but never answers (the read timeouts must end the wait).
#
# Needs: a built jar (mvn -B -DskipTests package), python3 (for the silent listener), and
# optionally prometheus-pushgateway (for the live-gateway row).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
jar=target/pdfvariants.jar
[ -f "$jar" ] || { echo "bench: build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
dead=$(free_port)
python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(128)
print(s.getsockname()[1], flush=True)
time.sleep(3600)' > "$work/silent.port" &
pids+=($!)
while [ ! -s "$work/silent.port" ]; do sleep 0.1; done
silent=$(cat "$work/silent.port")

# a minimal OTLP/HTTP sink: answers every POST with 200 (the body is not decoded)
python3 -c '
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Sink)
print(server.server_address[1], flush=True)
server.serve_forever()' > "$work/sink.port" &
pids+=($!)
while [ ! -s "$work/sink.port" ]; do sleep 0.1; done
sink=$(cat "$work/sink.port")

live=""
if command -v prometheus-pushgateway >/dev/null 2>&1; then
    live=$(free_port)
    prometheus-pushgateway --web.listen-address="127.0.0.1:$live" --persistence.file="$work/pg.data" \
        --log.level=error >"$work/pg.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do curl -fs "http://127.0.0.1:$live/-/ready" >/dev/null 2>&1 && break; sleep 0.1; done
fi

run_case() { # name, args...
    local name=$1; shift
    local times=()
    for i in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        java -jar "$jar" run samples/reports -o "$work/out-$name-$i" --progress none "$@" >/dev/null 2>"$work/err-$name" || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '{a[NR]=$1} END {print name, a[int((NR+1)/2)]}'
}

{
    run_case baseline
    [ -n "$live" ] && run_case live-pushgateway --pushgateway "http://127.0.0.1:$live"
    run_case dead-pushgateway --pushgateway "http://127.0.0.1:$dead"
    run_case silent-pushgateway --pushgateway "http://127.0.0.1:$silent"
    run_case live-collector --tracing --otlp-endpoint "http://127.0.0.1:$sink"
    run_case dead-collector --tracing --otlp-endpoint "http://127.0.0.1:$dead"
    run_case silent-collector --tracing --otlp-endpoint "http://127.0.0.1:$silent"
    run_case silent-both --pushgateway "http://127.0.0.1:$silent" --tracing --otlp-endpoint "http://127.0.0.1:$silent"
} > "$work/medians"

out=bench/results/telemetry-exit.txt
{
    echo "# telemetry-exit: median wall time of 'pdfvariants run samples/reports' ($RUNS runs each), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "# java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores; push timeout 3s, OTLP timeout 3s (defaults)"
    base=$(awk '$1=="baseline"{print $2}' "$work/medians")
    awk -v base="$base" '{printf "%-20s %6d ms  x%.2f  (+%d ms)\n", $1, $2, $2/base, $2-base}' "$work/medians"
} | tee "$out"
