# syntax=docker/dockerfile:1
# The simulators of the docker-compose `simulators` profile (test kit: RTDS simulator + demo feed). Build it
# from the repository root: docker build -f deploy/docker/simulators.Dockerfile -t pushstream/simulators:dev .
# Same shape as the service Dockerfiles (services/*/Dockerfile).
ARG NODE_IMAGE=node:24-slim

# 1. Compile the service and the workspaces it depends on; collect the compiled code and exactly the packages
#    of its production dependency tree (npm ls), not those of the other workspaces.
FROM ${NODE_IMAGE} AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /repo
ENV CI=true TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false
COPY . .
RUN npm ci --no-audit --no-fund \
  && npx turbo run build --filter=@pushstream/test-kit --output-logs=errors-only \
  && mkdir /out \
  && npm ls --omit=dev --all --parseable --workspace=@pushstream/test-kit \
    | sed "s|^$PWD/||" | grep -v '^/' | xargs cp -a --parents -t /out \
  && for dir in schemas test; do \
       for part in package.json dist avro; do \
         if [ -e "$dir/$part" ]; then cp -a --parents "$dir/$part" /out; fi; \
       done; \
     done \
  && cp package.json /out/

# 2. The runtime image: compiled code and production dependencies, owned by root, run as the image's `node`
#    user by number (1000), so Kubernetes can check runAsNonRoot.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out/ ./
WORKDIR /app/test
USER 1000:1000
# node is PID 1 and receives SIGTERM itself.
CMD ["node", "dist/ops/compose-demo.js"]
