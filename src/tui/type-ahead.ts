/**
 * Keys typed while the program was starting are not answers to a question nobody has seen yet.
 * Put the terminal in raw mode (so Ctrl+C arrives as a key, not a signal that the app would never
 * see) and drop whatever was typed before the first frame. Resolves true when Ctrl+C was among
 * the dropped keys: the user asked to leave before the app was drawn.
 */
export async function dropTypeAhead(
  stdin: NodeJS.ReadStream = process.stdin,
  settleMs = 40,
): Promise<boolean> {
  if (!stdin.isTTY || typeof stdin.setRawMode !== "function") return false;
  stdin.setRawMode(true);
  let interrupted = false;
  const drain = () => {
    for (let chunk = stdin.read(); chunk !== null; chunk = stdin.read()) {
      if (String(chunk).includes("\u0003")) interrupted = true;
    }
  };
  stdin.on("readable", drain);
  // What the terminal held before raw mode arrives in the first reads. A timer alone can fire
  // before the loop has polled the terminal once (when start-up kept it busy), so also let two
  // poll phases pass (setImmediate runs right after one).
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
  drain();
  stdin.off("readable", drain);
  return interrupted;
}
