# Shell helpers shared by benchmarks/run.sh, cost.sh and http-floor.sh (sourced, not run).

# nginx answering a fixed 200 on 127.0.0.1:$2, its files under $1: the ceiling of this machine.
start_nginx() {
  cat > "$1/nginx.conf" <<NGINX
worker_processes 1; pid $1/nginx.pid; error_log $1/nginx.err;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$2; location / { return 200 '{"code":0,"message":"OK"}'; } } }
NGINX
  nginx -c "$1/nginx.conf"
}

# A wrk run of single events against $1 for $secs, its output with wrk's own CPU time appended as
# a last line ("wrk-cpu USER SYS" seconds).
measure() { { /usr/bin/time -f "wrk-cpu %U %S" wrk -t1 -c64 -d${secs}s --latency -s benchmarks/single-event.lua "$1"; } 2>&1; }
rate() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
# wrk's CPU per request of a run of measure
wrk_cpu() { echo "$1" | awk -v s="$secs" '/Requests\/sec/ {r = $2} /^wrk-cpu/ {c = $2 + $3} END {printf "%.1f", c * 1e6 / (r * s)}'; }
# CPU ticks (user + system) of a process; µs of CPU per request from two readings and a rate
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
per_request() { awk -v b="$1" -v a="$2" -v r="$3" -v s="$secs" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (a - b) * 1e6 / hz / (r * s)}'; }

# Waits until the server on port $1 has processed everything acknowledged (its pipeline lag on
# /metrics is 0), polling every $2 seconds (default 0.2).
await_caught_up() {
  until [ "$(curl -s "localhost:$1/metrics" | awk '/^truecount_pipeline_lag_events/ {print int($2)}')" = 0 ]; do sleep "${2:-0.2}"; done
}
