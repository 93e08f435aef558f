# Shared by the FerretDB scripts; sourced, not run.
# FerretDB is built from its Go module into a cache directory, so tests
# and developers share one binary across work trees.

FERRETDB_VERSION=v1.24.2
FERRETDB_MODULE=github.com/FerretDB/FerretDB
FERRETDB_BIN_DIR="${QMS_BIN_DIR:-$HOME/.cache/qms/bin}"

# Names the patches a build has (their checksums), so a change rebuilds.
fdb_patch_stamp() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/patches" && sha256sum ./*.patch)
}

# Prints the binary's path when the pinned version, with the current
# patches, is installed.
fdb_binary() {
  local bin="$FERRETDB_BIN_DIR/ferretdb"
  [ -x "$bin" ] || return 1
  [ "$(cat "$FERRETDB_BIN_DIR/ferretdb.patches" 2>/dev/null)" = \
    "$(fdb_patch_stamp)" ] || return 1
  # Captured first: `grep -q` closing a pipe early fails it under pipefail.
  local reported
  reported="$("$bin" --version 2>/dev/null)" || return 1
  [[ "$reported" == *"version: $FERRETDB_VERSION"* ]] || return 1
  echo "$bin"
}

fdb_fail() {
  echo "ferretdb: $*" >&2
  exit 1
}

# Where start.sh keeps the data, log and pid of a server on <port> when no
# workdir is given.
fdb_default_workdir() {
  echo "${TMPDIR:-/tmp}/qms-ferretdb-$1"
}
