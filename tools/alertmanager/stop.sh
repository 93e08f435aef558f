#!/usr/bin/env bash
# stop.sh <workdir>: stops the Alertmanager that start.sh left there.
# A missing pid file or an already-gone process is not an error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

[ $# -eq 1 ] || am_fail "usage: stop.sh <workdir>"
pidfile="$1/alertmanager.pid"
[ -f "$pidfile" ] || exit 0
pid="$(cat "$pidfile")"

# Signal only the process start.sh launched, not a later owner of the pid.
if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null |
  grep -qF -- "--storage.path=$(cd "$1" && pwd)/data"; then
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$pidfile"
