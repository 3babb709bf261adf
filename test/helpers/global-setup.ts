import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Runs once before the suite: builds dist/ (the end-to-end tests drive the built program)
 * and says which PostgreSQL the database tests talk to.
 */
export default function setup(): void {
  try {
    execFileSync(
      process.execPath,
      [resolve(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      { cwd: root, stdio: "pipe" },
    );
  } catch (error) {
    // tsc still emits on type errors; CI's build and typecheck steps are where those fail.
    const out = (error as { stdout?: Buffer }).stdout?.toString() ?? "";
    process.stderr.write(
      `warning: the build reported errors (dist/ may be stale):\n${out.slice(0, 1500)}\n`,
    );
  }
  const target = process.env.TEST_DATABASE_URL
    ? `PostgreSQL server at ${process.env.TEST_DATABASE_URL.replace(/:[^:@/]*@/, ":***@")}`
    : "embedded PGlite (TEST_DATABASE_URL unset)";
  process.stderr.write(`database tests use: ${target}\n`);
}
