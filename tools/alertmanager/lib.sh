# Shared by the Alertmanager scripts; sourced, not run.
# Debian installs the server as `prometheus-alertmanager`; upstream builds
# and other distributions call it `alertmanager`.

am_binary() {
  command -v alertmanager 2>/dev/null ||
    command -v prometheus-alertmanager 2>/dev/null ||
    return 1
}

am_fail() {
  echo "alertmanager: $*" >&2
  exit 1
}
