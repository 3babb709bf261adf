import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Runs once before the suite: builds dist/ (the end-to-end tests drive the built program)
 * and says which PostgreSQL the database tests talk to.
 */
export default function setup(): void {
  execFileSync(
    process.execPath,
    [resolve(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  const target = process.env.TEST_DATABASE_URL
    ? `PostgreSQL server at ${process.env.TEST_DATABASE_URL.replace(/:[^:@/]*@/, ":***@")}`
    : "embedded PGlite (TEST_DATABASE_URL unset)";
  process.stderr.write(`database tests use: ${target}\n`);
}
