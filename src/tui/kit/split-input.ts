import type { Key } from "ink";

/**
 * Keys typed quickly (or sent by a script, or pasted) can reach `useInput` as one chunk, e.g.
 * "jjq" or "20\r". Split such a chunk into single keys so each one acts: Enter, Tab and Backspace
 * inside it become those keys; escape sequences and modified keys pass whole.
 */
export function splitInput(input: string, key: Key): Array<[string, Key]> {
  if (input.length <= 1 || key.ctrl || key.meta || input.startsWith("\u001b"))
    return [[input, key]];
  return [...input].map((ch): [string, Key] => {
    const code = ch.charCodeAt(0);
    const plain = {
      ...key,
      return: ch === "\r" || ch === "\n",
      tab: ch === "\t",
      backspace: ch === "\u007f" || ch === "\b",
      shift: /^[A-Z]$/.test(ch),
    };
    // Any other control character is Ctrl+letter (Ctrl+U = 0x15), as Ink reports it alone.
    if (code < 32 && !plain.return && !plain.tab && !plain.backspace)
      return [String.fromCharCode(code + 96), { ...plain, ctrl: true }];
    return [ch, plain];
  });
}
