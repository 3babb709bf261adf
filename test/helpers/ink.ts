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
