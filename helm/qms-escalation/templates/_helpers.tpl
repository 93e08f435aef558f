{{/*
Chart name, overridable.
*/}}
{{- define "qms.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Release-wide prefix of every object name. Cut to 40 characters so that
"<prefix>-rule-evaluator" still fits the 63 allowed for a Service name.
*/}}
{{- define "qms.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "qms.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "qms.labels" -}}
helm.sh/chart: {{ include "qms.chart" . }}
{{ include "qms.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: qms-escalation
{{- end }}

{{- define "qms.selectorLabels" -}}
app.kubernetes.io/name: {{ include "qms.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels of one service's objects; called with (dict "root" $ "app" $name).
The component label is what its Service selects on.
*/}}
{{- define "qms.appLabels" -}}
{{ include "qms.labels" .root }}
app.kubernetes.io/component: {{ .app }}
{{- end }}

{{- define "qms.appSelectorLabels" -}}
{{ include "qms.selectorLabels" .root }}
app.kubernetes.io/component: {{ .app }}
{{- end }}

{{/*
Image of one service: (dict "root" $ "app" $name "spec" $app).
*/}}
{{- define "qms.image" -}}
{{- $image := .root.Values.image }}
{{- $tag := default .root.Chart.AppVersion $image.tag }}
{{- if .spec.image }}
{{- .spec.image }}
{{- else }}
{{- printf "%s/%s:%s" $image.repository .app $tag }}
{{- end }}
{{- end }}

{{/*
The configuration text: values.config, or the copy shipped in files/.
*/}}
{{- define "qms.config" -}}
{{- if .Values.config }}
{{- .Values.config }}
{{- else }}
{{- required "files/qms.yaml is missing from the chart" (.Files.Get "files/qms.yaml") }}
{{- end }}
{{- end }}

{{/*
Name of the Secret loaded into every service's environment, or empty.
*/}}
{{- define "qms.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else if .Values.secrets }}
{{- printf "%s-secrets" (include "qms.fullname" .) }}
{{- end }}
{{- end }}

{{/*
True (non-empty) when this service keeps a SQLite event store on a claim.
*/}}
{{- define "qms.holdsSqliteStore" -}}
{{- if and (eq .root.Values.eventStore "sqlite") (eq .app "escalation") }}true{{ end }}
{{- end }}

{{- define "qms.claimName" -}}
{{- default (printf "%s-escalation-data" (include "qms.fullname" .)) .Values.persistence.existingClaim }}
{{- end }}
