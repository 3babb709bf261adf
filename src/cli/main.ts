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
const wasm = await import("./wasm-flags.js");
if (wasm.wantsSmallWasmHeap(process.argv)) {
  process.exitCode = await wasm.rerunWithSmallWasmHeap(process.argv);
} else {
  const { run } = await import("./program.js");
  run(process.argv);
}
