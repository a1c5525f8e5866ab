# onewayin: one image for the API (`node dist/main.js`) and the worker (`node dist/worker.js`).

# Build stage: the full Node image has the compilers that native modules (argon2,
# better-sqlite3) fall back to when no prebuilt binary fits.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

# Run stage: the same Debian release, so the native modules built above load here.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# SQLite (when DATABASE_URL is not set) keeps its file here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
