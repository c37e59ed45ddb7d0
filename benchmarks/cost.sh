#!/usr/bin/env bash
# Server CPU per event, split by thread group: the steadier yardstick when events/s move ±15–25 %
# between identical runs (docs/benchmarks.md). Starts a fresh server, warms it up (unmeasured),
# then measures one load and prints the rate and µs of CPU per event (per request for single
# events) on every server thread, user + system time, from /proc/<pid>/task/*/stat.
#   benchmarks/cost.sh batch     batches of 1000 new events, 4 connections (CONNECTIONS=…), 10 s; the pipeline's
#                                catch-up after the burst is counted too (its work is per event)
#   benchmarks/cost.sh single    single-event requests, wrk -t1 -c64, 10 s
#   JAR=/tmp/other.jar RUNS=3 benchmarks/cost.sh batch   (another build, three fresh servers)
#   JAR=/tmp/a.jar JAR_B=/tmp/b.jar RUNS=3 benchmarks/cost.sh single   (A/B: the two builds alternate,
#                                a fresh server each; the host drifts ±15–25 % within minutes, so
#                                compare the pairs, not runs minutes apart)
#   SERVER_JAVA=/path/to/bin/java runs the server on another JDK (default: java on the PATH)
#   WARMUP_SECONDS (30: C2 still compiles at 15), SECONDS_PER_RUN (10), HEAP (4g: a 2 GB heap fills
#   with attribution state during the warm-up and GC swamps the numbers)
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/common.sh
mode=${1:?usage: benchmarks/cost.sh batch|single}
jar=${JAR:-server/target/truecount.jar}
secs=${SECONDS_PER_RUN:-10}
conns=${CONNECTIONS:-4}
warm=${WARMUP_SECONDS:-30}  # C2 still compiles 25–35 s after start (tier changes in the window at 15 s)
[ "$mode" = batch ] || command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f "$jar" ] && [ -f benchmarks/target/truecount-benchmarks.jar ] || ./mvnw -q -B -DskipTests package
[ -z "${JAR_B:-}" ] || [ -f "$JAR_B" ] || { echo "JAR_B=$JAR_B: no such file" >&2; exit 1; }
bench="java -cp benchmarks/target/truecount-benchmarks.jar"
port=18095
tick=$(getconf CLK_TCK)

# One line per thread: its group and its CPU ticks (user + system). The name in stat may hold
# spaces or parentheses, so the fields are counted from the last ')'.
threads() {
  for t in /proc/$1/task/*; do
    name=$(cat "$t/comm" 2>/dev/null) || continue
    stat=$(cat "$t/stat" 2>/dev/null) || continue  # a thread may end between the listing and the read
    ticks=$(echo "$stat" | sed 's/.*) //' | awk '{print $12 + $13}')
    case "$name" in
      truecount-io*|truecount-worke*) group=edge ;;  # Netty's event loops and the worker pool
      truecount-pipe*) group=pipeline ;;  # names are cut to 15 characters
      truecount-log*) group=log ;;
      GC*|G1*) group=gc ;;
      C1*|C2*) group=jit ;;
      *) group=other ;;
    esac
    echo "$group $ticks"
  done | awk '{a[$1] += $2} END {for (g in a) print g, a[g]}' | sort
}

[ -z "${JAR_B:-}" ] || echo "A: $jar  B: $JAR_B"
for run in $(seq "${RUNS:-1}"); do
  for build in A ${JAR_B:+B}; do
    server_jar=$([ "$build" = A ] && echo "$jar" || echo "$JAR_B")
    work=$(mktemp -d)
    # Through the launcher, so the server gets the JVM options a user's does.
    TRUECOUNT_ADMIN_TOKEN=bench TRUECOUNT_JAR="$server_jar" TRUECOUNT_JAVA_OPTS="-Xms${HEAP:-4g} -Xmx${HEAP:-4g} -XX:+AlwaysPreTouch" \
      env ${SERVER_JAVA:+JAVA_HOME="$(dirname "$(dirname "$SERVER_JAVA")")"} ./truecount serve --port $port --data-dir "$work/data" > "$work/server.log" 2>&1 &
    pid=$!
    until curl -sf localhost:$port/health >/dev/null; do kill -0 $pid || exit 1; sleep 0.2; done
    kill -0 $pid || { echo "the server did not start (port $port taken by another?): $(tail -1 "$work/server.log")" >&2; exit 1; }
    read -r token pixel code < <($bench io.truecount.bench.LoadGenerator setup http://127.0.0.1:$port bench)
    export TOKEN="$token" PIXEL="$pixel"
    if [ "$mode" = batch ]; then
      $bench io.truecount.bench.LoadGenerator batch-raw http://127.0.0.1:$port "$token" "$pixel" 1000 "$conns" "$warm" >/dev/null
      await_caught_up $port
      threads $pid > "$work/before"
      result=$($bench io.truecount.bench.LoadGenerator batch-raw http://127.0.0.1:$port "$token" "$pixel" 1000 "$conns" "$secs")
      await_caught_up $port
      count=$(echo "$result" | grep -o 'events=[0-9]*' | cut -d= -f2)
      rate=$(echo "$result" | grep -o 'events/s=[0-9]*')
      unit=event
    else
      wrk -t1 -c64 -d${warm}s -s benchmarks/single-event.lua http://127.0.0.1:$port/ >/dev/null
      await_caught_up $port
      threads $pid > "$work/before"
      result=$(wrk -t1 -c64 -d${secs}s --latency -s benchmarks/single-event.lua http://127.0.0.1:$port/)
      await_caught_up $port
      count=$(echo "$result" | awk '/requests in/ {print $1}')
      rate="req/s=$(echo "$result" | awk '/Requests\/sec/ {print int($2)}') p99=$(echo "$result" | awk '$1 == "99%" {print $2}')"
      unit=request
    fi
    threads $pid > "$work/after"
    kill $pid; wait $pid 2>/dev/null || true
    label=$([ -n "${JAR_B:-}" ] && echo "$build run $run: " || true)
    join "$work/before" "$work/after" | awk -v n="$count" -v hz="$tick" -v rate="$rate" -v unit="$unit" -v label="$label" '
      {us = ($3 - $2) * 1e6 / hz / n; total += us; part[$1] = us}
      END {printf "%s%s  server CPU %.2f µs per %s:", label, rate, total, unit; for (g in part) printf " %s %.2f", g, part[g]; print ""}'
    rm -rf "$work"
  done
done
