import { Box, Text, useWindowSize } from "ink";
import { tone } from "./theme.js";

export interface KeyHint {
  key: string;
  label: string;
}

/** Keys the bar never drops: help and the way out. */
const ALWAYS = new Set(["?", "q", "Ctrl+C"]);

const width = (keys: KeyHint[], gap: number) =>
  keys.reduce((n, k) => n + k.key.length + 1 + k.label.length, 0) + gap * (keys.length - 1);

/**
 * The hints that fit `columns`: first the gap between hints shrinks, then hints are dropped from
 * the right, but `?` and `q` (and Ctrl+C) always stay. Exported for tests.
 */
export function fitKeys(keys: KeyHint[], columns: number): { keys: KeyHint[]; gap: number } {
  for (const gap of [3, 2]) if (width(keys, gap) <= columns) return { keys, gap };
  const shown = [...keys];
  while (width(shown, 2) > columns) {
    const drop = shown.findLastIndex((k) => !ALWAYS.has(k.key));
    if (drop < 0) break;
    shown.splice(drop, 1);
  }
  return { keys: shown, gap: 2 };
}

/** The bottom line of every screen: the 3–5 keys that work here, as `key label`. */
export function KeyBar({ keys }: { keys: KeyHint[] }) {
  const { columns } = useWindowSize();
  const fitted = fitKeys(keys, columns);
  return (
    <Box flexShrink={0}>
      <Text wrap="truncate-end">
        {fitted.keys.map((k, i) => (
          <Text key={k.key}>
            {i > 0 ? " ".repeat(fitted.gap) : ""}
            <Text bold color={tone("accent")}>
              {k.key}
            </Text>
            <Text> {k.label}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
