/**
 * An embedded PostgreSQL (PGlite) is a 9 MB WebAssembly module. V8's optimising tier compiles it in the
 * background with several hundred MB of scratch memory, which more than doubles the peak RSS of a `db` run that
 * loads a .sql file or a migrations folder. Its baseline compiler (Liftoff) is enough for loading a schema, but
 * V8 only takes that choice as a start-up flag, so such a run starts itself once more with it.
 * Node built-ins only: this runs before any dependency loads.
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";

const FLAGS = ["--liftoff-only", "--expose-gc"];

/** A `db` run with a .sql file or a folder among its arguments, not yet started with the flags. */
export function wantsSmallWasmHeap(argv: string[]): boolean {
  if (argv[2] !== "db" || process.env.SENIOR_BACKEND_NO_REEXEC) return false;
  if (process.execArgv.includes(FLAGS[0] ?? "")) return false;
  // Migrating, listing status and linting never start PGlite: run as this process, so the pid a user sees (and
  // may kill) is the one that talks to the database.
  const modes = new Set(argv.slice(3));
  if (
    ["--migrate", "--status", "--lint"].some((m) => modes.has(m)) &&
    !["--from", "--to", "--compare"].some((m) => modes.has(m))
  )
    return false;
  return argv.slice(3).some((arg) => {
    if (arg.startsWith("-") || /^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return false;
    if (/\.sql$/i.test(arg)) return true;
    try {
      return statSync(arg).isDirectory();
    } catch {
      return false;
    }
  });
}

/** Run this same command in a child Node with the flags; resolves to the exit code to leave with. */
export function rerunWithSmallWasmHeap(argv: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...FLAGS, ...process.execArgv, ...argv.slice(1)], {
      stdio: "inherit",
      env: { ...process.env, SENIOR_BACKEND_NO_REEXEC: "1" },
    });
    // Ctrl+C reaches the child too (same process group): wait for it to stop cleanly.
    const ignore = () => {};
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", ignore);
    process.on("SIGTERM", forward);
    child.on("error", () => resolve(1));
    child.on("exit", (code, signal) => {
      process.off("SIGINT", ignore);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal === "SIGINT" ? 130 : 1));
    });
  });
}
