/** Colour is on only for a TTY and when NO_COLOR is unset or empty. */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR === "0") return false;
  return Boolean(stream.isTTY);
}

const codes = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof codes;

/** Wrap text in an ANSI style when the stream shows colour; plain text otherwise. */
export function paint(
  text: string,
  style: Style,
  stream: NodeJS.WriteStream = process.stdout,
): string {
  if (!colorEnabled(stream)) return text;
  const [open, close] = codes[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
