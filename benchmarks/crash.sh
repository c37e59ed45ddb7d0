#!/usr/bin/env bash
# The long crash campaign (./mvnw verify runs a short smoke of it): the single-node crash test
# with many kill -9 rounds and a fresh random seed, and the two-node cluster test (PostgreSQL, and
# Kafka + PostgreSQL) killing its nodes in turn. Every round checks that every acknowledged event
# is in the log exactly once and that no request was half-written.
#   benchmarks/crash.sh                      30 single-node kills, 6 cluster kills
#   KILLS=100 CLUSTER_KILLS=20 SEED=42 benchmarks/crash.sh
#   MAX_ACKS=20000: each single-node life lasts up to that many acknowledged requests (default 420),
#   long enough for the log's WAL to be checkpointed and started over several times before the kill
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${KILLS:-30}
cluster_kills=${CLUSTER_KILLS:-6}
max_acks=${MAX_ACKS:-420}
seed=${SEED:-$RANDOM$RANDOM}
./mvnw -q -B -pl server -am install -DskipTests
./mvnw -B -pl server surefire:test -Dtest='CrashSafetyTest,TwoNodeClusterTest' \
  -Dtruecount.crash.kills="$kills" -Dtruecount.crash.seed="$seed" -Dtruecount.crash.max-acks="$max_acks" -Dtruecount.cluster.kills="$cluster_kills" 2>&1 \
  | grep -E "campaign:|Tests run:|FAIL|BUILD"
