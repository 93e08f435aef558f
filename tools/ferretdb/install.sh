#!/usr/bin/env bash
# Builds FerretDB (pinned in lib.sh) from its Go module into $QMS_BIN_DIR
# (default ~/.cache/qms/bin). Does nothing when that version is there.
#
# A plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`
# builds a binary that panics at start: the module ships without the
# generated build/version/version.txt. So the module is fetched through
# the Go module proxy, copied, given that file, and built from the copy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

if bin="$(fdb_binary)"; then
  echo "ferretdb: found $bin"
  exit 0
fi
command -v go >/dev/null || fdb_fail "not installed, and no Go toolchain here"

src="$(go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" |
  node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{
    const m=JSON.parse(s);if(m.Error)throw new Error(m.Error);
    console.log(m.Dir)})')" ||
  fdb_fail "could not download $FERRETDB_MODULE@$FERRETDB_VERSION"

build="$(mktemp -d)"
trap 'chmod -R u+w "$build" && rm -rf "$build"' EXIT
cp -R "$src/." "$build"
chmod -R u+w "$build"
echo "$FERRETDB_VERSION" >"$build/build/version/version.txt"
for p in "$here"/patches/*.patch; do
  # git, not patch(1): git is on every machine that cloned this repository.
  (cd "$build" && git apply -p1 "$p") ||
    fdb_fail "patch $(basename "$p") does not apply to $FERRETDB_VERSION"
done

mkdir -p "$FERRETDB_BIN_DIR"
# modernc.org/sqlite is pure Go: no C toolchain is needed.
(cd "$build" && CGO_ENABLED=0 GOFLAGS=-buildvcs=false \
  go build -trimpath -o "$FERRETDB_BIN_DIR/ferretdb" ./cmd/ferretdb) ||
  fdb_fail "go build of $FERRETDB_MODULE@$FERRETDB_VERSION failed"
fdb_patch_stamp >"$FERRETDB_BIN_DIR/ferretdb.patches"
bin="$(fdb_binary)" || fdb_fail "built, but $FERRETDB_BIN_DIR/ferretdb" \
  "does not report $FERRETDB_VERSION"
echo "ferretdb: installed $bin"
