import { resolveInkLean } from "./ink-resolve.js";
import { interruptCode, interruptSignal } from "./interrupt.js";

/** Which screen the full-screen app opens on, and that screen's params. */
export interface TuiStart {
  screen: string;
  params?: unknown;
}

/**
 * The CLI's one way into the full-screen app (no arguments on a TTY, or a command that opens its
 * screen). Loaded lazily, so commands that never open it do not load Ink and React.
 * Resolves with the app's exit code once it has left the alternate screen.
 */
export async function startTui(start?: TuiStart): Promise<number> {
  // Ctrl+C while the program was starting (before raw mode): leave instead of opening the app.
  if (interruptSignal.aborted) return interruptCode();
  // Raw mode before loading Ink and the screens: Ctrl+C meanwhile is then a key the app honours
  // (run.tsx reads it), not a signal echoed as ^C and lost.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  resolveInkLean();
  const { runTui } = await import("../tui/run.js");
  if (interruptSignal.aborted) {
    process.stdin.setRawMode?.(false);
    return interruptCode();
  }
  return runTui(start);
}
