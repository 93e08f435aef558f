# Shared by the Kafka scripts; sourced, not run.
# The broker is assembled from Maven Central jars (see pom.xml) into a
# cache directory per version, so reinstalling a known version is free.

# Kafka 4.x; kafkajs 2.2.4 was tested against it (docs/kafka.md).
KAFKA_DEFAULT_VERSION=4.4.0

kafka_fail() {
  echo "kafka: $*" >&2
  exit 1
}

# kafka_home <version>: where that version's jars live.
kafka_home() {
  echo "${QMS_KAFKA_CACHE:-$HOME/.cache/qms}/kafka-$1"
}

kafka_port() { echo "${KAFKA_PORT:-9092}"; }

# 9093/9094 are Alertmanager's defaults, hence the wider offset.
kafka_controller_port() {
  echo "${KAFKA_CONTROLLER_PORT:-$(($(kafka_port) + 100))}"
}

# kafka_workdir [dir]: the given directory, or one per broker port.
kafka_workdir() {
  echo "${1:-${QMS_KAFKA_WORKDIR:-${TMPDIR:-/tmp}/qms-kafka-$(kafka_port)}}"
}
