# Shared by start.sh and stop.sh.
APPS=(ingestor projector rule-evaluator correlator escalation notifier)

app_port() {
  local base="${QMS_PORT_BASE:-8080}" i
  for i in "${!APPS[@]}"; do
    [ "${APPS[$i]}" = "$1" ] && { echo $((base + i)); return; }
  done
  return 1
}

# Polls /ready for up to 60 s; shows the app's log tail if it never is.
wait_ready() {
  local app="$1" port="$2" log="$3" i
  for i in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then return; fi
    sleep 0.5
  done
  echo "$app did not become ready on 127.0.0.1:$port; last log lines:" >&2
  tail -n 20 "$log" >&2
  return 1
}
