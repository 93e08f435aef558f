#!/usr/bin/env bash
# stop.sh [workdir]: stops the six services, then Kafka and FerretDB.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$here/lib.sh"
workdir="${1:-$root/data/distributed}"

for app in "${APPS[@]}"; do
  pid_file="$workdir/pids/$app.pid"
  [ -f "$pid_file" ] || continue
  kill "$(cat "$pid_file")" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$(cat "$pid_file")" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$(cat "$pid_file")" 2>/dev/null
  rm -f "$pid_file"
done
"$root/tools/kafka/stop.sh" "$workdir/kafka" || true
"$root/tools/ferretdb/stop.sh" "$workdir/ferretdb" || true
