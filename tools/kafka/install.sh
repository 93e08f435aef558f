#!/usr/bin/env bash
# install.sh [version]: fetches a Kafka broker's jars from Maven Central
# into $QMS_KAFKA_CACHE/kafka-<version> (default ~/.cache/qms) with Maven.
# An existing complete install is kept; prints the directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"

version="${1:-${KAFKA_VERSION:-$KAFKA_DEFAULT_VERSION}}"
dest="$(kafka_home "$version")"
if [ -f "$dest/.complete" ]; then
  echo "kafka: $version already installed in $dest"
  exit 0
fi

command -v java >/dev/null || kafka_fail "java not found (Java 17 is needed)"
if ! command -v mvn >/dev/null; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null ||
    kafka_fail "mvn not found, and installing it needs root and apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt_maven() { apt-get install -y -q maven; }
  apt_maven || { apt-get update -q && apt_maven; } ||
    kafka_fail "apt-get could not install maven"
fi

# A half-written directory never looks installed: jars land in a sibling
# and move into place only after Maven succeeded. Maven's output is kept
# for a failure only.
partial="$dest.partial.$$"
trap 'rm -rf "$partial"' EXIT
mkdir -p "$partial"
echo "kafka: fetching $version from Maven Central"
if ! mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
  -Dkafka.version="$version" -DincludeScope=runtime \
  -DoutputDirectory="$partial/libs" >"$partial/mvn.log" 2>&1; then
  tail -n 30 "$partial/mvn.log" >&2
  kafka_fail "Maven could not fetch org.apache.kafka:kafka_2.13:$version"
fi
rm -f "$partial/mvn.log"
ls "$partial/libs/kafka_2.13-$version.jar" >/dev/null ||
  kafka_fail "Maven finished without kafka_2.13-$version.jar"
echo "$version" >"$partial/.complete"
rm -rf "$dest"
mv "$partial" "$dest"
echo "kafka: installed $version in $dest"
