/**
 * The text of one input event. Ink splits erase keys out of what the terminal sends, but a paste
 * or keys typed faster than a frame ("20\r", "a\tb") still arrive as one string, control
 * characters included. Apply any erase keys, drop other control characters, and report an Enter
 * so the field can move on; anything after the Enter is dropped.
 */
export function typedText(raw: string): { value: string; enter: boolean } {
  let value = "";
  for (const ch of raw) {
    if (ch === "\r" || ch === "\n") return { value, enter: true };
    if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
    else if (ch >= " ") value += ch;
  }
  return { value, enter: false };
}
