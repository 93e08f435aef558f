# syntax=docker/dockerfile:1
# One image recipe for the six services; `--build-arg APP=<app>` picks the
# entry point (ingestor, projector, rule-evaluator, correlator, escalation,
# notifier). The build and dependency stages do not depend on APP, so the
# six images share their layers and only the last one differs.
#
#   docker build --build-arg APP=ingestor -t qms-escalation/ingestor .
#
# Not built in CI: these machines have no Docker engine (docs/deployment.md).

ARG NODE_IMAGE=node:20-bookworm-slim

# Production dependencies only. better-sqlite3 downloads a prebuilt binary;
# the toolchain is the fallback when none matches this platform.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Full install and the swc build into dist/.
FROM deps AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json .swcrc ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ARG APP
RUN test -n "$APP" || { echo 'build with --build-arg APP=<app>' >&2; exit 1; }
WORKDIR /app
ENV NODE_ENV=production \
    QMS_APP=${APP} \
    QMS_MODE=distributed \
    HOST=0.0.0.0 \
    QMS_CONFIG=/app/config/qms.yaml \
    QMS_DATA_DIR=/var/lib/qms
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config ./config
RUN test -f "dist/apps/$APP/src/main.js" \
  && mkdir -p /var/lib/qms && chown 1000:1000 /var/lib/qms
# The image's `node` user, numeric so Kubernetes' runAsNonRoot can check it.
USER 1000:1000

# No curl in the slim image; Node 20 has fetch. PORT is set per service.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# exec: node becomes PID 1 and receives SIGTERM for a graceful stop.
CMD ["sh", "-c", "exec node \"dist/apps/$QMS_APP/src/main.js\""]
