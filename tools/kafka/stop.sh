#!/usr/bin/env bash
# stop.sh [workdir]: stops the broker start.sh left there (same default
# workdir). A missing pid file or an already-gone process is not an error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

workdir="$(kafka_workdir "${1:-}")"
pidfile="$workdir/kafka.pid"
[ -f "$pidfile" ] || exit 0
pid="$(cat "$pidfile")"
props="$(cd "$workdir" && pwd)/server.properties"

# Signal only the process start.sh launched, not a later owner of the pid.
# SIGTERM runs Kafka's controlled shutdown, which flushes the logs.
if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$props"; then
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka: no exit 30 s after SIGTERM; killing $pid" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$pidfile"
echo "kafka: stopped (dir $workdir)"
