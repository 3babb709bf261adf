import { EXIT } from "./output.js";

/**
 * The program's one SIGINT/SIGTERM handler. Ctrl+C (SIGINT) and SIGTERM (timeout, CI runners, kill)
 * stop the work the same way: the first aborts `interruptSignal` (long work stops and reports what it
 * has), a second leaves at once. SIGTERM's exit code is 143, SIGINT's 130. The full-screen app reads
 * Ctrl+C as a key; a SIGINT that came before it started means the user already asked to leave.
 */
const controller = new AbortController();
let interrupts = 0;
let terminated = false;

/** The exit code for work stopped by a signal: 143 after SIGTERM, else 130. */
export function interruptCode(): number {
  return terminated ? EXIT.terminated : EXIT.interrupted;
}

function interrupt(signal: "SIGINT" | "SIGTERM"): void {
  interrupts += 1;
  if (signal === "SIGTERM") terminated = true;
  const code = interruptCode();
  if (interrupts > 1) process.exit(code);
  controller.abort(new Error(signal === "SIGTERM" ? "terminated" : "interrupted"));
  process.exitCode = code;
  // Commands stop on the signal and report what they have; if one does not within 5 s, leave anyway.
  setTimeout(() => process.exit(code), 5_000).unref();
}
process.on("SIGINT", () => interrupt("SIGINT"));
process.on("SIGTERM", () => interrupt("SIGTERM"));

export const interruptSignal: AbortSignal = controller.signal;
