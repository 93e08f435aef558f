#!/usr/bin/env bash
# start.sh [port] [workdir]
# Starts FerretDB on 127.0.0.1:<port> (default 27017) with its SQLite
# backend, data and state in <workdir> (default $TMPDIR/qms-ferretdb-<port>),
# telemetry and the debug HTTP listener off. Returns once a MongoDB ping
# answers; the pid is in <workdir>/ferretdb.pid.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

[ $# -le 2 ] || fdb_fail "usage: start.sh [port] [workdir]"
port="${1:-27017}"
workdir="${2:-$(fdb_default_workdir "$port")}"
bin="$(fdb_binary)" || fdb_fail "not installed; run tools/ferretdb/install.sh"
mkdir -p "$workdir/data" "$workdir/state"
workdir="$(cd "$workdir" && pwd)"
[ ! -e "$workdir/ferretdb.pid" ] || fdb_fail "$workdir already has a pid file"
url="mongodb://127.0.0.1:$port/"
if node "$here/ping.cjs" "$url"; then
  fdb_fail "something already answers on 127.0.0.1:$port"
fi

"$bin" --handler=sqlite \
  --sqlite-url="file:$workdir/data/" \
  --state-dir="$workdir/state" \
  --listen-addr="127.0.0.1:$port" \
  --debug-addr=- \
  --telemetry=disable \
  --log-level=warn \
  </dev/null >"$workdir/ferretdb.log" 2>&1 &
pid=$!
echo "$pid" >"$workdir/ferretdb.pid"

for _ in $(seq 1 60); do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$workdir/ferretdb.pid"
    tail -n 20 "$workdir/ferretdb.log" >&2 || true
    fdb_fail "exited during start-up (log: $workdir/ferretdb.log)"
  fi
  if node "$here/ping.cjs" "$url"; then
    echo "ferretdb: ready on 127.0.0.1:$port (pid $pid)"
    exit 0
  fi
  sleep 0.5
done
"$here/stop.sh" "$workdir" || true
fdb_fail "no ping answer after 30 s (log: $workdir/ferretdb.log)"
