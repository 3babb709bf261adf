/** Poll a screen test's frame until it shows `match` (bounded), instead of sleeping. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  match: string | RegExp,
  timeoutMs = 3_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let frame = "";
  while (Date.now() < deadline) {
    frame = lastFrame() ?? "";
    if (typeof match === "string" ? frame.includes(match) : match.test(frame)) return frame;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`frame never showed ${String(match)}; last frame:\n${frame}`);
}

/** What press() needs of an ink-testing-library render result. */
export interface PressTarget {
  stdin: { write(data: string): void };
  lastFrame: () => string | undefined;
}

/**
 * Type `keys` one key at a time (a string is one key; an array is several), polling after each
 * until the frame changes (bounded by `settleMs`, for a key that changes nothing on screen), then,
 * with `until`, poll until the frame shows it. Resolves with the last frame. Never a fixed sleep.
 */
export async function press(
  app: PressTarget,
  keys: string | string[],
  until?: string | RegExp,
  { settleMs = 500, timeoutMs = 3_000 } = {},
): Promise<string> {
  for (const key of typeof keys === "string" ? [keys] : keys) {
    const before = app.lastFrame();
    app.stdin.write(key);
    await frameChange(app, before, settleMs);
  }
  if (until !== undefined) return waitForFrame(app.lastFrame, until, timeoutMs);
  return app.lastFrame() ?? "";
}

/** Poll until the frame differs from `before` (e.g. after a resize), at most `settleMs`. */
export async function frameChange(
  app: Pick<PressTarget, "lastFrame">,
  before: string | undefined,
  settleMs = 500,
): Promise<string> {
  const deadline = Date.now() + settleMs;
  while (app.lastFrame() === before && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
  }
  return app.lastFrame() ?? "";
}

/** Poll `check` until it holds (bounded); throws naming `what` when it never does. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Give an ink-testing-library stdout a terminal size and tell Ink it changed. */
export function resizeStdout(stdout: unknown, columns: number, rows: number): void {
  const out = stdout as { emit(event: string): void };
  Object.defineProperty(out, "columns", { value: columns, configurable: true });
  Object.defineProperty(out, "rows", { value: rows, configurable: true });
  out.emit("resize");
}

/** Assert-friendly check that a frame fits a terminal: no line wider, no more lines. */
export function frameFits(
  frame: string,
  columns: number,
  rows: number,
): { fits: boolean; widest: number; lines: number } {
  const lines = frame.split("\n");
  // Strip ANSI escapes before measuring.
  const widest = Math.max(...lines.map((l) => [...l.replace(/\u001b\[[0-9;]*m/g, "")].length));
  return { fits: widest <= columns && lines.length <= rows, widest, lines: lines.length };
}
