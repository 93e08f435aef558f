#!/usr/bin/env bash
# Lints and renders helm/qms-escalation for both event stores and checks
# what each must contain. Installs helm first when it is missing. Exits
# non-zero on the first problem. Needs no cluster.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chart="$root/helm/qms-escalation"

"$here/install.sh" >&2
helm="${QMS_TOOLS_BIN:-$HOME/.cache/qms/bin}/helm"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

fail() {
  echo "helm check: $*" >&2
  exit 1
}

# The chart ships a copy of the default configuration (a chart cannot read
# files outside its directory); it must not drift from the original.
cmp -s "$root/config/qms.yaml" "$chart/files/qms.yaml" ||
  fail "files/qms.yaml differs from config/qms.yaml;" \
    "run: cp config/qms.yaml helm/qms-escalation/files/qms.yaml"

for store in eventstoredb sqlite; do
  echo "== eventStore=$store"
  "$helm" lint --strict "$chart" --set eventStore="$store"
  "$helm" template qms-escalation "$chart" --set eventStore="$store" \
    --set secrets.SLACK_WEBHOOK_URL=https://hooks.example.com/t \
    >"$out/$store.yaml"
  echo "rendered $(grep -c '^kind:' "$out/$store.yaml") objects"
done

# expect <file> <pattern> <reason>: the rendering must contain the pattern.
expect() {
  grep -Eq -- "$2" "$out/$1" || fail "$1: $3"
}
reject() {
  ! grep -Eq -- "$2" "$out/$1" || fail "$1: $3"
}
expect eventstoredb.yaml 'name: EVENTSTORE_URL' 'no EVENTSTORE_URL'
reject eventstoredb.yaml '^kind: PersistentVolumeClaim' 'a PVC without sqlite'
reject eventstoredb.yaml 'type: Recreate' 'Recreate without sqlite'
expect sqlite.yaml '^kind: PersistentVolumeClaim' 'no PVC for the store'
expect sqlite.yaml 'type: Recreate' 'escalation not Recreate'
expect sqlite.yaml 'claimName: qms-escalation-escalation-data' \
  'escalation does not mount the claim'
for file in eventstoredb.yaml sqlite.yaml; do
  [ "$(grep -c '^kind: Deployment' "$out/$file")" = 6 ] ||
    fail "$file: expected 6 Deployments"
  [ "$(grep -c '^kind: Service$' "$out/$file")" = 6 ] ||
    fail "$file: expected 6 Services"
  expect "$file" '^kind: Secret' 'no Secret from values.secrets'
  expect "$file" 'path: /ready' 'no readiness probe'
done

# Settings the chart must refuse, each for its own reason.
refuse() {
  local reason="$1"
  shift
  if "$helm" template qms-escalation "$chart" "$@" >/dev/null 2>"$out/err"; then
    fail "accepted $*"
  fi
  grep -q -- "$reason" "$out/err" ||
    fail "refused $* without saying '$reason': $(cat "$out/err")"
  echo "refused $*: $(grep -m1 -- "$reason" "$out/err")"
}
refuse 'replicas must be 1 when eventStore is sqlite' \
  --set eventStore=sqlite --set apps.escalation.replicas=2
refuse "/eventStore" --set eventStore=postgres

# A configuration given on the command line replaces the shipped one.
printf 'thresholds: {}\n' >"$out/custom.yaml"
"$helm" template qms-escalation "$chart" --set-file config="$out/custom.yaml" \
  >"$out/custom-render.yaml"
expect custom-render.yaml '^    thresholds: \{\}' '--set-file config ignored'
reject custom-render.yaml 'quality_escalations' 'shipped config kept'

echo "helm check: ok"
