#!/usr/bin/env bash
# Builds FerretDB (pinned in lib.sh) with `go install` into
# $QMS_BIN_DIR (default ~/.cache/qms/bin). Does nothing when that version
# is already there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

if bin="$(fdb_binary)"; then
  echo "ferretdb: found $bin"
  exit 0
fi
command -v go >/dev/null || fdb_fail "not installed, and no Go toolchain here"
mkdir -p "$FERRETDB_BIN_DIR"

# FerretDB 1.x needs cgo for nothing: a static build avoids a C toolchain.
GOBIN="$FERRETDB_BIN_DIR" CGO_ENABLED=0 \
  go install "$FERRETDB_MODULE@$FERRETDB_VERSION" ||
  fdb_fail "go install $FERRETDB_MODULE@$FERRETDB_VERSION failed"
bin="$(fdb_binary)" || fdb_fail "installed, but $FERRETDB_BIN_DIR/ferretdb" \
  "does not report $FERRETDB_VERSION"
echo "ferretdb: installed $bin"
