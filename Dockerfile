# One image for the six services: `docker build --build-arg APP=gateway .`
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG APP=gateway
RUN NX_DAEMON=false npx nx build ${APP}

FROM node:20-bookworm-slim
WORKDIR /app
ARG APP=gateway
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist/apps/${APP} ./
# The orchestrator's worker bundles workflow code from source at start.
COPY --from=build /src/libs/workflows ./libs/workflows
ENV WORKFLOWS_PATH=/app/libs/workflows/src/workflows.ts
CMD ["node", "main.js"]
