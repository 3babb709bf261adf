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

/** Let Ink process input written to stdin before the next assertion. */
export const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

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
