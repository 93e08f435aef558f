#!/usr/bin/env bash
# stop.sh [workdir]: stops the FerretDB that start.sh left in <workdir>
# (default: start.sh's default for port 27017). A missing pid file or an
# already-gone process is not an error.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

[ $# -le 1 ] || fdb_fail "usage: stop.sh [workdir]"
workdir="${1:-$(fdb_default_workdir 27017)}"
pidfile="$workdir/ferretdb.pid"
[ -f "$pidfile" ] || exit 0
pid="$(cat "$pidfile")"

# Signal only the process start.sh launched, not a later owner of the pid.
cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
if [[ "$cmdline" == *"--state-dir=$(cd "$workdir" && pwd)/state"* ]]; then
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
