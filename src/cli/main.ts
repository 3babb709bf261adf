#!/usr/bin/env node
/**
 * Bin entry. It checks the Node version before any dependency loads (they need a newer Node and
 * fail with stack traces on an old one), then loads the program.
 * No static imports here: they would be evaluated before the check.
 */
const NEEDED = { major: 22, minor: 19 };
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < NEEDED.major || (major === NEEDED.major && minor < NEEDED.minor)) {
  process.stderr.write(
    `error: senior-backend needs Node.js ${NEEDED.major}.${NEEDED.minor} or newer (24 recommended); this is Node.js ${process.versions.node}\n`,
  );
  process.exit(2);
}
// A plain `[<command>] --help` answers from the help laid out at build time (help-cache.ts), so it
// does not wait for every command and engine to load; anything else runs the program.
const { cachedHelp } = await import("./help-cache.js");
const help = cachedHelp(process.argv.slice(2), new URL("..", import.meta.url).pathname);
const wasm = await import("./wasm-flags.js");
if (help !== undefined) {
  await import("./process-defaults.js"); // a closed pipe ends quietly
  process.stdout.write(help);
} else if (wasm.wantsSmallWasmHeap(process.argv)) {
  process.exitCode = await wasm.rerunWithSmallWasmHeap(process.argv);
} else {
  const { run } = await import("./program.js");
  run(process.argv);
}
