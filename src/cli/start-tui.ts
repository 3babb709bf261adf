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
  const { runTui } = await import("../tui/run.js");
  return runTui(start);
}
