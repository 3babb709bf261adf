import { Box, Text } from "ink";
import type { KeyHint } from "./key-bar.js";
import { tone } from "./theme.js";

/** Full list of keys for a screen, shown with `?` and closed with `?` or Esc. */
export function HelpOverlay({
  title,
  keys,
  notes,
}: {
  title: string;
  keys: KeyHint[];
  notes?: string[];
}) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold color={tone("accent")}>
        Help — {title}
      </Text>
      {keys.map((k) => (
        <Text key={k.key}>
          <Text bold>{k.key.padEnd(12)}</Text>
          {k.label}
        </Text>
      ))}
      {notes?.map((n) => (
        <Text key={n} color={tone("muted")} wrap="wrap">
          {n}
        </Text>
      ))}
      <Text color={tone("muted")}>Press ? or Esc to close.</Text>
    </Box>
  );
}
