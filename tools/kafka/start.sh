#!/usr/bin/env bash
# start.sh [workdir]: starts a single-node Kafka (KRaft, broker and
# controller in one JVM) on 127.0.0.1:$KAFKA_PORT (default 9092), its
# controller on $KAFKA_CONTROLLER_PORT (default port + 100), data and logs
# in workdir (default $TMPDIR/qms-kafka-<port>; kept across restarts).
# Uses the jars install.sh fetched for $KAFKA_VERSION. Returns once a
# metadata request succeeds; the pid is in <workdir>/kafka.pid.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

version="${KAFKA_VERSION:-$KAFKA_DEFAULT_VERSION}"
home="$(kafka_home "$version")"
[ -f "$home/.complete" ] ||
  kafka_fail "$version is not installed; run tools/kafka/install.sh $version"
(cd "$here" && node -e "require.resolve('kafkajs')") 2>/dev/null ||
  kafka_fail "kafkajs is missing (run npm ci): the readiness check uses it"
port="$(kafka_port)" ctrl="$(kafka_controller_port)"
workdir="$(kafka_workdir "${1:-}")"
mkdir -p "$workdir/data" "$workdir/logs"
workdir="$(cd "$workdir" && pwd)"
[ ! -e "$workdir/kafka.pid" ] ||
  kafka_fail "$workdir already has a pid file (stop.sh $workdir)"

# Topics are created by the bus adapter with their dead-letter twins, so
# auto-creation stays off: a mistyped name fails instead of appearing.
cat >"$workdir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$ctrl
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$ctrl
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$workdir/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS

# `exec` so that a backgrounded call's pid is the JVM's, not a subshell's.
java_run() {
  exec java -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/log4j2.properties" \
    -Dkafka.logs.dir="$workdir/logs" -cp "$home/libs/*" "$@"
}

if [ ! -f "$workdir/data/meta.properties" ]; then
  # A cluster id is 16 random bytes in unpadded base64url.
  id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  (java_run kafka.tools.StorageTool format --cluster-id "$id" \
    --config "$workdir/server.properties") >"$workdir/logs/format.log" 2>&1 ||
    kafka_fail "formatting storage failed (log: $workdir/logs/format.log)"
fi

java_run kafka.Kafka "$workdir/server.properties" \
  </dev/null >"$workdir/logs/kafka.out" 2>&1 &
pid=$!
echo "$pid" >"$workdir/kafka.pid"

for _ in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$workdir/kafka.pid"
    tail -n 20 "$workdir/logs/kafka.out" "$workdir/logs/server.log" >&2 || true
    kafka_fail "exited during start-up (logs: $workdir/logs)"
  fi
  if node "$here/ready.mjs" "127.0.0.1:$port"; then
    echo "kafka: $version ready on 127.0.0.1:$port (pid $pid, dir $workdir)"
    exit 0
  fi
  sleep 0.5
done
"$here/stop.sh" "$workdir" || true
kafka_fail "not ready after 60 s (logs: $workdir/logs)"
