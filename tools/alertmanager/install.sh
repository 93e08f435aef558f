#!/usr/bin/env bash
# Installs Debian's Alertmanager when no Alertmanager binary is on PATH.
# The package enables and would start a system service listening on every
# interface (:9093, cluster :9094); the tests start their own instances, so
# the service is kept from starting and disabled.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

if bin="$(am_binary)"; then
  echo "alertmanager: found $bin"
  exit 0
fi
[ "$(id -u)" = 0 ] || am_fail "not installed, and installing needs root" \
  "(apt-get install prometheus-alertmanager)"
command -v apt-get >/dev/null || am_fail "not installed and no apt-get here"

# policy-rc.d exit 101 tells invoke-rc.d not to start services; only a file
# we created is removed again.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
install() { apt-get install -y -q prometheus-alertmanager; }
if ! install; then
  echo "alertmanager: install failed; refreshing package lists" >&2
  apt-get update -q && install ||
    am_fail "apt-get could not install prometheus-alertmanager"
fi

# systemd may still have started it if policy-rc.d was bypassed.
if [ -d /run/systemd/system ]; then
  systemctl disable --now prometheus-alertmanager.service || true
elif command -v systemctl >/dev/null; then
  systemctl disable prometheus-alertmanager.service 2>/dev/null || true
fi
bin="$(am_binary)" || am_fail "installed, but no binary on PATH"
echo "alertmanager: installed $bin ($("$bin" --version 2>&1 | head -n1))"
