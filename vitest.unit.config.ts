import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * `npm run test:unit`: the engine unit tests only (pure, no PostgreSQL, no HTTP servers, no
 * compiled apps), well under a minute. `npm test` runs everything, these included.
 * A new engine test that needs a database or a server belongs in `integration` below.
 */
const integration = [
  "test/engine/audit/run-audit.test.ts",
  "test/engine/audit/scaffolded-app.test.ts",
  "test/engine/load/run-load.test.ts",
  "test/engine/scaffold/from-db.test.ts",
  "test/engine/scaffold/generated-apps.test.ts",
  "test/engine/scaffold/spec-round-trip.test.ts",
  "test/engine/schema/**/*.test.ts",
];

// Not mergeConfig: it would append to the base include list instead of replacing it.
export default defineConfig({
  test: {
    ...base.test,
    include: ["test/engine/**/*.test.ts"],
    exclude: [...integration, "node_modules/**", "dist/**"],
    // No build of dist/ (only the end-to-end tests drive it) and no database banner.
    globalSetup: [],
  },
});
