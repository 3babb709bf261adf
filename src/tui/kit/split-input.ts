import type { Key } from "ink";

/**
 * Keys typed quickly (or sent by a script) can reach `useInput` as one chunk, e.g. "jjq".
 * Split such a chunk into single keys so each one acts; escape sequences and modified keys pass whole.
 */
export function splitInput(input: string, key: Key): Array<[string, Key]> {
  if (input.length <= 1 || key.ctrl || key.meta || input.startsWith("\u001b"))
    return [[input, key]];
  return [...input].map((ch): [string, Key] => [
    ch,
    { ...key, return: ch === "\r", tab: ch === "\t" },
  ]);
}
