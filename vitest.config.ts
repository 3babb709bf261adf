import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["test/bench/**", "node_modules/**", "dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["test/helpers/global-setup.ts"],
    setupFiles: ["test/helpers/temp-dir-cleanup.ts"],
    reporters: ["default", "./test/helpers/summary-line-reporter.ts"],
    pool: "forks",
  },
});
