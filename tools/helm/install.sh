#!/usr/bin/env bash
# Installs helm into $HOME/.cache/qms/bin with `go install`, so the chart can
# be linted and rendered on machines without a package for it. A helm binary
# already in that directory is kept; delete it to force a rebuild.
set -euo pipefail

HELM_VERSION="${HELM_VERSION:-v4.3.2}"
bin_dir="${QMS_TOOLS_BIN:-$HOME/.cache/qms/bin}"
helm="$bin_dir/helm"

if [ -x "$helm" ]; then
  echo "helm: found $helm ($("$helm" version --short 2>/dev/null || echo '?'))"
  exit 0
fi
command -v go >/dev/null || {
  echo "helm: not installed and no Go toolchain to build it" >&2
  exit 1
}

mkdir -p "$bin_dir"
echo "helm: building helm.sh/helm/v4/cmd/helm@$HELM_VERSION (takes minutes)"
started=$SECONDS
# GOBIN sends the binary to our cache instead of $GOPATH/bin.
GOBIN="$bin_dir" go install "helm.sh/helm/v4/cmd/helm@$HELM_VERSION"
echo "helm: installed $helm in $((SECONDS - started))s" \
  "($("$helm" version --short))"
