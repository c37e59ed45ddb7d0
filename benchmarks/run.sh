#!/usr/bin/env bash
# Ingestion benchmarks against a real server on 127.0.0.1, with nginx answering a fixed 200 as
# the ceiling of this machine. Results go to stdout; docs/benchmarks.md records them.
#   benchmarks/run.sh            all
#   SECONDS_PER_RUN=5 benchmarks/run.sh
#   SINGLE_ROUNDS=3 (default): nginx and Truecount single events alternate, a ratio per round
#   WARMUP_SECONDS=40 (default) of unmeasured load first, batches then single events: a cold JVM
#   spends most of a short run compiling, and C2 still compiles 60–80 s into single-event load
#   SERVER_JAVA=/path/to/bin/java: the JDK that runs the server (default: java on the PATH; the
#   load generators always use that one)
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/common.sh
secs=${SECONDS_PER_RUN:-15}
command -v wrk >/dev/null && command -v nginx >/dev/null && [ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq nginx wrk time; }
./mvnw -q -B -DskipTests package
work=$(mktemp -d)
trap 'kill $(cat $work/server.pid) $(cat $work/fixed.pid 2>/dev/null) 2>/dev/null || true; nginx -c $work/nginx.conf -s stop 2>/dev/null || true; rm -rf $work' EXIT
bench="java -cp benchmarks/target/truecount-benchmarks.jar"

server_java=${SERVER_JAVA:-java}
echo "== server on $("$server_java" -version 2>&1 | head -1)"
# Through the launcher, so the server gets the JVM options a user's does (per JDK version).
TRUECOUNT_ADMIN_TOKEN=bench TRUECOUNT_JAVA_OPTS="-Xms4g -Xmx4g -XX:+AlwaysPreTouch" \
  env ${SERVER_JAVA:+JAVA_HOME="$(dirname "$(dirname "$SERVER_JAVA")")"} ./truecount serve --port 18080 --data-dir "$work/data" > "$work/server.log" 2>&1 &
echo $! > "$work/server.pid"
until curl -sf localhost:18080/health >/dev/null; do sleep 0.2; done
read -r token pixel code < <($bench io.truecount.bench.LoadGenerator setup http://127.0.0.1:18080 bench)

start_nginx "$work" 18081
# Netty as Truecount runs it, answering a fixed envelope once the body is read: what the HTTP
# server and the JVM cost here, without Truecount's parsing, log and pipeline.
"$server_java" -Xms1g -Xmx1g -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.NettyFixedReplyServer 18082 > "$work/fixed.log" 2>&1 &
echo $! > "$work/fixed.pid"
until curl -s -o /dev/null localhost:18082/; do sleep 0.2; done

export TOKEN="$token" PIXEL="$pixel"

warm=${WARMUP_SECONDS:-40}
echo "== warm-up (not measured): ${warm}s of batches, ${warm}s of single events, so the JIT has compiled the hot paths"
# Single events last: after a switch of workload (and after requests of other kinds, like the
# /metrics polls of await_caught_up) C2 recompiles the IO threads' hot methods for a few seconds,
# which cost the first single-event round ~3 us a request before session 19 (docs/benchmarks.md).
$bench io.truecount.bench.LoadGenerator batch http://127.0.0.1:18080 "$token" "$pixel" 1000 4 "$warm" >/dev/null
await_caught_up 18080 0.5
wrk -t1 -c64 -d${warm}s -s benchmarks/single-event.lua http://127.0.0.1:18080/ >/dev/null
wrk -t1 -c64 -d$((warm / 2))s -s benchmarks/single-event.lua http://127.0.0.1:18082/ >/dev/null

server=$(cat "$work/server.pid")

# This host's speed drifts by ±15–25 % over minutes (nginx included), so nginx and Truecount
# alternate, and each round's ratio compares neighbouring windows.
for round in $(seq "${SINGLE_ROUNDS:-3}"); do
  echo "== single-event requests, round $round: nginx fixed 200 (ceiling), wrk -t1 -c64 -d${secs}s"
  ceiling=$(measure http://127.0.0.1:18081/)
  echo "$ceiling" | grep -E "Requests/sec|99%|50%"
  echo "== single-event requests, round $round: Truecount (durable ack), wrk -t1 -c64 -d${secs}s"
  before=$(ticks "$server")
  ours=$(measure http://127.0.0.1:18080/)
  after=$(ticks "$server")
  echo "$ours" | grep -E "Requests/sec|99%|50%|Non-2xx"
  ours_cpu=$(per_request "$before" "$after" "$(rate "$ours")")
  echo "== single-event requests, round $round: Netty fixed reply (the HTTP server's own floor), wrk -t1 -c64 -d${secs}s"
  before=$(ticks "$(cat "$work/fixed.pid")")
  fixed=$(measure http://127.0.0.1:18082/)
  after=$(ticks "$(cat "$work/fixed.pid")")
  echo "$fixed" | grep -E "Requests/sec|99%"
  fixed_cpu=$(per_request "$before" "$after" "$(rate "$fixed")")
  awk -v a="$(rate "$ours")" -v b="$(rate "$ceiling")" -v f="$(rate "$fixed")" \
    'BEGIN {printf "round %d: Truecount / nginx = %.2f   (Netty fixed reply / nginx = %.2f)\n", '"$round"', a / b, f / b}'
  # Where the ratio comes from: wrk shares the two cores, so the server's CPU per request sets it.
  echo "round $round: CPU per request (us): Truecount $ours_cpu, Netty fixed reply $fixed_cpu; wrk $(wrk_cpu "$ceiling") against nginx, $(wrk_cpu "$ours") against Truecount"
done
echo "== batches of 1000 events, 4 connections, ${secs}s: 16 bodies in turn (all but the first 16,000 events are duplicates dedup drops), JDK HttpClient (half a core of its own)"
$bench io.truecount.bench.LoadGenerator batch http://127.0.0.1:18080 "$token" "$pixel" 1000 4 "$secs"
await_caught_up 18080 0.5
echo "== batches of 1000 events, 4 connections, ${secs}s: every event new (dedup keeps it, attribution sees it), plain sockets (little CPU of its own)"
raw=$($bench io.truecount.bench.LoadGenerator batch-raw http://127.0.0.1:18080 "$token" "$pixel" 1000 4 "$secs")
echo "$raw"
# Acknowledged is not processed: the pipeline (dedup, attribution, health) may still be behind
# when the burst ends. Time its catch-up, so the sustained rate is on record too.
burst_end=$(date +%s.%N)
await_caught_up 18080 0.1
drained=$(date +%s.%N)
echo "$raw" | awk -v b="$burst_end" -v d="$drained" '{for (i = 1; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}}
  END {printf "pipeline caught up %.1f s after the burst: acknowledged and processed %.0f events/s sustained\n", d - b, v["events"] / (v["seconds"] + d - b)}'
echo "== batches of 1000 events, 16 connections, ${secs}s: every event new, plain sockets (more requests in flight: the request threads keep the cores and the pipeline, at nice 19, waits)"
$bench io.truecount.bench.LoadGenerator batch-raw http://127.0.0.1:18080 "$token" "$pixel" 1000 16 "$secs"
await_caught_up 18080 0.5
echo "== acknowledgement -> Test Events stream latency, 1000 samples"
$bench io.truecount.bench.LoadGenerator test-latency http://127.0.0.1:18080 "$token" "$pixel" "$code" bench 1000
echo "== acknowledgement -> TikTok report visibility (touch, purchase, poll report/integrated/get), 300 samples"
$bench io.truecount.bench.LoadGenerator report-latency http://127.0.0.1:18080 bench "$token" "$pixel" 300
echo "== server metrics after the runs"
curl -s localhost:18080/metrics | grep -E "^truecount_(log_commit_seconds\{|log_commit_seconds_(count|sum)|events_accepted|pipeline_lag)"
echo "== dedup memory per live key"
$bench io.truecount.bench.DedupMemory
if [ "${ATTRIBUTION:-1}" = 1 ]; then
  echo "== attribution: 10M touches x 1M conversions, Truecount vs DuckDB (same rules as SQL)"
  java -Xms16g -Xmx16g -XX:+UseParallelGC -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.AttributionBenchmark 10000000 1000000
  echo "== report query latency over 50M ledger entries"
  java -Xms8g -Xmx8g -XX:+UseParallelGC -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.ReportLatencyBenchmark 50000000 1000
fi
