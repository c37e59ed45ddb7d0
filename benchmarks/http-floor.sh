#!/usr/bin/env bash
# The HTTP servers' own floor on this machine: nginx (fixed 200), Undertow (Truecount's server until session 22) and
# Netty (Truecount's since), each answering the single-event requests of benchmarks/run.sh with a fixed envelope once
# the body is read. Rounds alternate (this host's speed drifts by ±15–25 % over minutes); each line
# gives req/s, the server's CPU per request (/proc/<pid>/stat, user + system) and wrk's own.
#   benchmarks/http-floor.sh
#   ROUNDS=3 SECONDS_PER_RUN=10 WARMUP_SECONDS=20 SERVER_JAVA=/path/to/bin/java (default: java on the PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/common.sh
secs=${SECONDS_PER_RUN:-10}
command -v wrk >/dev/null && command -v nginx >/dev/null && [ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq nginx wrk time; }
[ -f benchmarks/target/truecount-benchmarks.jar ] || ./mvnw -q -B -DskipTests package
java=${SERVER_JAVA:-java}
work=$(mktemp -d)
trap 'kill $(cat $work/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf $work' EXIT
start_nginx "$work" 18181
"$java" -Xms1g -Xmx1g -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.FixedReplyServer 18182 > "$work/undertow.log" 2>&1 &
echo $! > "$work/undertow.pid"
"$java" -Xms1g -Xmx1g -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.NettyFixedReplyServer 18183 > "$work/netty.log" 2>&1 &
echo $! > "$work/netty.pid"
for port in 18181 18182 18183; do until curl -s -o /dev/null localhost:$port/; do sleep 0.2; done; done
export TOKEN=fixed PIXEL=fixed
echo "== warm-up (not measured): ${WARMUP_SECONDS:-20}s each for Undertow and Netty"
for port in 18182 18183; do wrk -t1 -c64 -d${WARMUP_SECONDS:-20}s -s benchmarks/single-event.lua http://127.0.0.1:$port/ >/dev/null; done

for round in $(seq "${ROUNDS:-3}"); do
  for server in nginx:18181 undertow:18182 netty:18183; do
    name=${server%:*}; port=${server#*:}
    pid=$(cat "$work/$name.pid")
    [ "$name" = nginx ] && pid=$(pgrep -P "$pid" | head -1)  # its worker: the master idles
    before=$(ticks "$pid")
    out=$(measure http://127.0.0.1:$port/)
    after=$(ticks "$pid")
    printf "round %d %-8s %8.0f req/s  p99 %-8s server %5s us/request  wrk %4s us/request\n" "$round" "$name" "$(rate "$out")" \
      "$(echo "$out" | awk '$1 == "99%" {print $2}')" "$(per_request "$before" "$after" "$(rate "$out")")" "$(wrk_cpu "$out")"
  done
done
