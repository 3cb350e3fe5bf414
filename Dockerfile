# syntax=docker/dockerfile:1

# Atrium API image: build with dev dependencies, run with production dependencies only.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- deps: every dependency, dev included, for the build ---------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Dependency install scripts are blocked by package.json "allowScripts"; argon2 ships prebuilt
# binaries, so no compiler toolchain is needed.
RUN npm ci --no-audit --no-fund

# ---- build: compile TypeScript to dist/ -------------------------------------------------------
FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies and the compiled output, as a non-root user -------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
    && npm cache clean --force
# Code and dependencies stay root-owned and read-only to the process.
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# Nest's shutdown hooks close the server and the database connection on SIGTERM.
STOPSIGNAL SIGTERM
# node runs as PID 1 directly (no npm wrapper), so it receives the stop signal itself.
CMD ["node", "dist/main.js"]
