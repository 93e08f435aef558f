#!/usr/bin/env bash
# start.sh <port> <webhook-url|none> <workdir>
# Starts Alertmanager on 127.0.0.1:<port>, clustering off, state in
# <workdir>, every alert routed to the webhook (one notification per label
# set, resolves included). `none` routes to a receiver without integrations.
# Returns once /-/ready answers; the pid is in <workdir>/alertmanager.pid.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

[ $# -eq 3 ] || am_fail "usage: start.sh <port> <webhook-url|none> <workdir>"
port="$1" url="$2" workdir="$3"
bin="$(am_binary)" || am_fail "not installed; run tools/alertmanager/install.sh"
mkdir -p "$workdir/data"
workdir="$(cd "$workdir" && pwd)"
[ ! -e "$workdir/alertmanager.pid" ] || am_fail "$workdir already has a pid file"

integrations=""
if [ "$url" != none ]; then
  integrations="    webhook_configs:
      - url: '$url'
        send_resolved: true"
fi
cat >"$workdir/alertmanager.yml" <<YAML
route:
  receiver: qms
  group_by: ['...']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 4h
receivers:
  - name: qms
$integrations
YAML

"$bin" --config.file="$workdir/alertmanager.yml" \
  --storage.path="$workdir/data" \
  --web.listen-address="127.0.0.1:$port" \
  --cluster.listen-address= \
  --log.level=warn \
  </dev/null >"$workdir/alertmanager.log" 2>&1 &
pid=$!
echo "$pid" >"$workdir/alertmanager.pid"

ready="http://127.0.0.1:$port/-/ready"
for _ in $(seq 1 150); do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$workdir/alertmanager.pid"
    tail -n 20 "$workdir/alertmanager.log" >&2 || true
    am_fail "exited during start-up (log: $workdir/alertmanager.log)"
  fi
  if node -e "fetch('$ready').then((r) => process.exit(r.ok ? 0 : 1), \
    () => process.exit(1))" 2>/dev/null; then
    echo "alertmanager: ready on 127.0.0.1:$port (pid $pid)"
    exit 0
  fi
  sleep 0.2
done
"$here/stop.sh" "$workdir" || true
am_fail "not ready after 30 s (log: $workdir/alertmanager.log)"
