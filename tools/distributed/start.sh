#!/usr/bin/env bash
# start.sh [workdir]: distributed mode on this machine. Installs (once) and
# starts Kafka and FerretDB on 127.0.0.1, builds the apps, starts the six
# services as separate processes and waits until each answers /ready.
#   ports: $QMS_PORT_BASE (default 8080) + 0 ingestor, 1 projector,
#   2 rule-evaluator, 3 correlator, 4 escalation, 5 notifier;
#   Kafka $KAFKA_PORT (9092), FerretDB $MONGODB_PORT (27017).
# Everything lives in workdir (default ./data/distributed): logs/, pids/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/lib.sh"

workdir="$(mkdir -p "${1:-$root/data/distributed}" && cd "${1:-$root/data/distributed}" && pwd)"
mkdir -p "$workdir/logs" "$workdir/pids" "$workdir/data"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
mongo_port="${MONGODB_PORT:-27017}"

"$root/tools/kafka/install.sh" >/dev/null
"$root/tools/ferretdb/install.sh" >/dev/null
"$root/tools/kafka/start.sh" "$workdir/kafka"
"$root/tools/ferretdb/start.sh" "$mongo_port" "$workdir/ferretdb"
(cd "$root" && npm run --silent build)

export QMS_MODE=distributed HOST=127.0.0.1
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export MONGODB_URL="mongodb://127.0.0.1:$mongo_port/qms"
export QMS_DATA_DIR="$workdir/data"
for app in "${APPS[@]}"; do
  port="$(app_port "$app")"
  PORT="$port" nohup node "$root/dist/apps/$app/src/main.js" \
    </dev/null >"$workdir/logs/$app.log" 2>&1 &
  echo $! >"$workdir/pids/$app.pid"
done
for app in "${APPS[@]}"; do
  wait_ready "$app" "$(app_port "$app")" "$workdir/logs/$app.log"
done
echo "distributed mode up: intake http://127.0.0.1:$(app_port ingestor)," \
  "API http://127.0.0.1:$(app_port projector) (stop: tools/distributed/stop.sh $workdir)"
