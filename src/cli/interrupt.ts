import { EXIT } from "./output.js";

/**
 * The program's one Ctrl+C (SIGINT) handler: the first aborts `interruptSignal` (long work stops
 * and reports what it has), a second leaves at once. The full-screen app reads Ctrl+C as a key;
 * a SIGINT that came before it started means the user already asked to leave.
 */
const controller = new AbortController();
let interrupts = 0;
process.on("SIGINT", () => {
  interrupts += 1;
  if (interrupts > 1) process.exit(EXIT.interrupted);
  controller.abort(new Error("interrupted"));
  process.exitCode = EXIT.interrupted;
  // Commands stop on the signal; if one does not within 5 s, leave anyway.
  setTimeout(() => process.exit(EXIT.interrupted), 5_000).unref();
});

export const interruptSignal: AbortSignal = controller.signal;
