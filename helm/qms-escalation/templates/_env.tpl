{{/*
Environment of one service: (dict "root" $ "app" $name "spec" $app).
A URL left empty in values is not set here, so the same name can come
from the Secret (explicit env would win over envFrom).
*/}}
{{- define "qms.env" -}}
{{- $v := .root.Values -}}
- name: QMS_MODE
  value: distributed
- name: HOST
  value: 0.0.0.0
- name: PORT
  value: {{ .spec.port | quote }}
- name: QMS_CONFIG
  value: /etc/qms/qms.yaml
- name: QMS_DATA_DIR
  value: /var/lib/qms
- name: QMS_EVENT_STORE
  value: {{ $v.eventStore }}
- name: LOG_LEVEL
  value: {{ $v.logLevel | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ .app }}
{{- if $v.kafka.brokers }}
- name: KAFKA_BROKERS
  value: {{ $v.kafka.brokers | quote }}
{{- end }}
{{- if $v.mongodb.url }}
- name: MONGODB_URL
  value: {{ $v.mongodb.url | quote }}
{{- end }}
{{- if and (eq $v.eventStore "eventstoredb") $v.eventstore.url }}
- name: EVENTSTORE_URL
  value: {{ $v.eventstore.url | quote }}
{{- end }}
{{- if $v.otel.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ $v.otel.endpoint | quote }}
{{- end }}
{{- with $v.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- with .spec.env }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
An HTTP probe on the app port from values.probes.<kind>.
*/}}
{{- define "qms.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
initialDelaySeconds: {{ .initialDelaySeconds }}
periodSeconds: {{ .periodSeconds }}
timeoutSeconds: {{ .timeoutSeconds }}
failureThreshold: {{ .failureThreshold }}
{{- end }}
