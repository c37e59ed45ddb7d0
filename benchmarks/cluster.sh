#!/usr/bin/env bash
# Truecount on PostgreSQL: one node, then two nodes sharing one database, on this machine (every
# process — PostgreSQL, both nodes, the load generators — shares its cores). Debian's PostgreSQL
# is installed when missing. Results go to stdout; docs/benchmarks.md records them.
#   benchmarks/cluster.sh             SECONDS_PER_RUN=10 benchmarks/cluster.sh
#   WARMUP_SECONDS=15 (default): unmeasured load on each first node before its measurements
#   REPLAY=1 (default): then the partitioned pipeline: TENANTS advertisers (12) x SECONDS_PER_TENANT (2) of new events,
#   replayed by one node and by two nodes at once;  ONLY_REPLAY=1 runs only that part
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${SECONDS_PER_RUN:-15}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pgbin" ]; then apt-get update -qq && apt-get install -y -qq postgresql; pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); fi
./mvnw -q -B -DskipTests package
work=$(mktemp -d); chmod 755 "$work"
stop_all() {
  for f in "$work"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_all EXIT
mkdir "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -N >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg/server.log" -o "-p 15432 -k $work/pg -c synchronous_commit=on -c max_connections=200" start >/dev/null
runuser -u postgres -- "$pgbin/psql" -h "$work/pg" -p 15432 -q -c "CREATE DATABASE truecount"
bench="java -cp benchmarks/target/truecount-benchmarks.jar"
node() { # node NAME PORT [DATABASE]
  TRUECOUNT_ADMIN_TOKEN=bench TRUECOUNT_STORE_KIND=postgresql TRUECOUNT_STORE_POSTGRESQL_URL=jdbc:postgresql://127.0.0.1:15432/${3:-truecount} \
  TRUECOUNT_STORE_POSTGRESQL_USER=postgres TRUECOUNT_STORE_POSTGRESQL_POOL_SIZE=16 \
    java -Xmx${NODE_HEAP:-1g} -XX:+UseStringDeduplication -jar server/target/truecount.jar serve --port "$2" --data-dir "$work/$1" > "$work/$1.log" 2>&1 &
  echo $! > "$work/$1.pid"
  until curl -sf "localhost:$2/health" >/dev/null; do
    kill -0 "$(cat "$work/$1.pid")" 2>/dev/null || { echo "node $1 exited:"; tail -20 "$work/$1.log"; exit 1; }
    sleep 0.2
  done
}
warm() { # warm PORT: unmeasured load so the JIT has compiled the hot paths (as benchmarks/run.sh does)
  wrk -t1 -c64 -d${WARMUP_SECONDS:-15}s -s benchmarks/single-event.lua "http://127.0.0.1:$1/" >/dev/null
  $bench io.truecount.bench.LoadGenerator batch "http://127.0.0.1:$1" "$token" "$pixel" 1000 4 "${WARMUP_SECONDS:-15}" >/dev/null
  until curl -s "localhost:$1/ready" | grep -q '"pipeline_lag_events":0'; do sleep 0.2; done
}
one_node() { # one_node LABEL PORT: an advertiser, pixel and token (globals token/pixel), warm-up, then one node's load
  read -r token pixel code < <($bench io.truecount.bench.LoadGenerator setup "http://127.0.0.1:$2" bench)
  export TOKEN="$token" PIXEL="$pixel"
  warm "$2"
  echo "== one node $1: single-event requests, wrk -t1 -c64 -d${secs}s"
  wrk -t1 -c64 -d${secs}s --latency -s benchmarks/single-event.lua "http://127.0.0.1:$2/" | grep -E "Requests/sec|99%|50%|Non-2xx"
  echo "== one node $1: batches of 1000 events, 4 connections, ${secs}s"
  $bench io.truecount.bench.LoadGenerator batch "http://127.0.0.1:$2" "$token" "$pixel" 1000 4 "$secs"
}
two_nodes() { # two_nodes LABEL NAME1 PORT1 NAME2 PORT2: the same load on both nodes at once
  echo "== two nodes $1: single-event requests, wrk -t1 -c32 against each, at once"
  wrk -t1 -c32 -d${secs}s --latency -s benchmarks/single-event.lua "http://127.0.0.1:$3/" > "$work/w$2.txt" & first=$!
  wrk -t1 -c32 -d${secs}s --latency -s benchmarks/single-event.lua "http://127.0.0.1:$5/" > "$work/w$4.txt"; wait $first
  grep -E "Requests/sec|99%" "$work/w$2.txt" | sed "s/^/  node $2: /"; grep -E "Requests/sec|99%" "$work/w$4.txt" | sed "s/^/  node $4: /"
  echo "== two nodes $1: batches of 1000 events, 2 connections to each, at once"
  $bench io.truecount.bench.LoadGenerator batch "http://127.0.0.1:$3" "$token" "$pixel" 1000 2 "$secs" > "$work/b$2.txt" & first=$!
  $bench io.truecount.bench.LoadGenerator batch "http://127.0.0.1:$5" "$token" "$pixel" 1000 2 "$secs" > "$work/b$4.txt"; wait $first
  sed "s/^/  node $2: /" "$work/b$2.txt"; sed "s/^/  node $4: /" "$work/b$4.txt"
}
start_kafka() { # a real KRaft broker (Kafka's test kit, one combined node) in a child JVM; exports the bootstrap servers
  [ -f "$work/kafka.pid" ] && return
  java -Xmx1g -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.KafkaBroker > "$work/kafka.out" 2> "$work/kafka.err" &
  echo $! > "$work/kafka.pid"
  until grep -qE '^[a-z0-9.-]+:[0-9]+$' "$work/kafka.out"; do sleep 0.2; done
  export TRUECOUNT_LOG_KAFKA_BOOTSTRAP_SERVERS=$(grep -m1 -E '^[a-z0-9.-]+:[0-9]+$' "$work/kafka.out") TRUECOUNT_LOG_KAFKA_REPLICATION_FACTOR=1
}
stop_node() { kill "$(cat "$work/$1.pid")"; wait "$(cat "$work/$1.pid")" 2>/dev/null || true; rm -f "$work/$1.pid"; }
processed() { # processed PORT: live events this node's pipeline has decided on (its partitions only)
  curl -s "localhost:$1/metrics" | awk '/^truecount_dedup_decisions_total/ {n += $2} END {printf "%d", n}'
}
cpu() { # cpu NAME [THREAD]: CPU seconds the node's JVM (or its thread named THREAD, first 15 characters) has used
  local pid; pid=$(cat "$work/$1.pid")
  if [ -n "${2:-}" ]; then
    for t in /proc/"$pid"/task/*; do [ "$(cat "$t/comm")" = "${2:0:15}" ] && awk '{printf "%.1f", ($14 + $15) / 100}' "$t/stat"; done
  else awk '{printf "%.1f", ($14 + $15) / 100}' /proc/"$pid"/stat; fi
}
gauge() { curl -s "localhost:$2/metrics" | awk -v name="$1" '$1 == name {printf "%d", $2}'; }
await_processed() { # await_processed TOTAL PORT...: until the nodes serve all 12 partitions, read to their end, and processed TOTAL; prints seconds
  local total=$1 start sum serving; shift; start=$(date +%s.%N)
  while :; do
    sum=0; serving=0
    for port in "$@"; do
      sum=$((sum + $(processed "$port")))
      serving=$((serving + $(gauge truecount_pipeline_partitions_serving "$port")))
    done
    [ "$sum" -ge "$total" ] && [ "$serving" -ge 12 ] && break
    if [ "$(echo "$(date +%s.%N) - $start > 600" | bc)" = 1 ]; then
      echo "gave up after 600 s: $sum of $total processed ($(for port in "$@"; do echo -n "port $port: $(processed "$port") "; done))" >&2
      for f in "$work"/*.log; do echo "--- $f" >&2; tail -5 "$f" >&2; done
      exit 1
    fi
    sleep 0.2
  done
  echo "$(date +%s.%N) - $start" | bc
}
replay() { # the pipeline partitioned: the same log replayed by one node, then by two nodes at once
  start_kafka
  export TRUECOUNT_LOG_KIND=kafka TRUECOUNT_LOG_KAFKA_TOPIC=truecount.replay TRUECOUNT_LOG_KAFKA_PARTITIONS=12 TRUECOUNT_LOG_KAFKA_SESSION_TIMEOUT_SECONDS=3
  runuser -u postgres -- "$pgbin/psql" -h "$work/pg" -p 15432 -q -c "CREATE DATABASE truecount_replay"
  NODE_HEAP=3g node e 18094 truecount_replay
  local tenants=${TENANTS:-12} per=${SECONDS_PER_TENANT:-2}
  echo "== replay: $tenants advertisers, every event new (batch-raw, 1000 per request, 2 connections, ${per}s each) into node e"
  for i in $(seq "$tenants"); do
    read -r t p _ < <($bench io.truecount.bench.LoadGenerator setup "http://127.0.0.1:18094" bench)
    $bench io.truecount.bench.LoadGenerator batch-raw "http://127.0.0.1:18094" "$t" "$p" 1000 2 "$per" | sed "s/^/  advertiser $i: /"
  done
  local total; total=$(curl -s localhost:18094/metrics | awk '/^truecount_events_accepted_total/ {n += $2} END {printf "%d", n}')
  echo "   $total events in the log; waiting for node e to process them"
  await_processed "$total" 18094 > /dev/null
  stop_node e
  NODE_HEAP=3g node f 18095 truecount_replay
  echo "== replay by one node (all 12 partitions): $(await_processed "$total" 18095) s for $total events;" \
    "CPU: node $(cpu f) s (pipeline thread $(cpu f truecount-pipeline) s), broker $(awk '{printf "%.1f", ($14 + $15) / 100}' /proc/"$(cat "$work/kafka.pid")"/stat) s so far"
  stop_node f
  NODE_HEAP=3g node g 18096 truecount_replay & local starting=$!
  NODE_HEAP=3g node h 18097 truecount_replay; wait "$starting"
  local secs; secs=$(await_processed "$total" 18096 18097)
  echo "== replay by two nodes at once: $secs s for $total events (node g $(processed 18096) events, $(gauge truecount_pipeline_partitions_owned 18096) partitions," \
    "CPU $(cpu g) s, pipeline thread $(cpu g truecount-pipeline) s; node h $(processed 18097) events, $(gauge truecount_pipeline_partitions_owned 18097) partitions," \
    "CPU $(cpu h) s, pipeline thread $(cpu h truecount-pipeline) s)"
  stop_node g; stop_node h
}
if [ "${ONLY_REPLAY:-0}" = 1 ]; then replay; exit 0; fi
node a 18090
one_node "on PostgreSQL" 18090
node b 18091
echo "== node b started; it replays the shared log ($(curl -s localhost:18091/ready | grep -o '"pipeline_lag_events":[0-9]*') at first answer)"
start=$(date +%s.%N)
until curl -s localhost:18091/ready | grep -q '"pipeline_lag_events":0'; do sleep 0.2; done
echo "   caught up in $(echo "$(date +%s.%N) - $start" | bc) s"
two_nodes "on one PostgreSQL" a 18090 b 18091
if [ "${KAFKA:-1}" = 1 ]; then
  kill "$(cat "$work/a.pid")" "$(cat "$work/b.pid")"; rm -f "$work/a.pid" "$work/b.pid"
  runuser -u postgres -- "$pgbin/psql" -h "$work/pg" -p 15432 -q -c "CREATE DATABASE truecount_kafka"
  start_kafka
  export TRUECOUNT_LOG_KIND=kafka
  node c 18092 truecount_kafka
  one_node "with the log on Kafka (1 broker, in-process KRaft), store on PostgreSQL" 18092
  node d 18093 truecount_kafka
  until curl -s localhost:18093/ready | grep -q '"pipeline_lag_events":0'; do sleep 0.2; done
  two_nodes "on Kafka + PostgreSQL" c 18092 d 18093
fi
if [ "${REPLAY:-1}" = 1 ]; then replay; fi
echo "== log rows and size (PostgreSQL log)"
runuser -u postgres -- "$pgbin/psql" -h "$work/pg" -p 15432 -d truecount -At -c "SELECT count(*) || ' batch rows, ' || sum(count) || ' events, ' || pg_size_pretty(pg_total_relation_size('log_batches')) FROM log_batches"
