import { Box, Text } from "ink";
import { tone } from "./theme.js";

export interface KeyHint {
  key: string;
  label: string;
}

/** The bottom line of every screen: the 3–5 keys that work here, as `key label`. */
export function KeyBar({ keys }: { keys: KeyHint[] }) {
  return (
    <Box flexShrink={0}>
      <Text wrap="truncate-end">
        {keys.map((k, i) => (
          <Text key={k.key}>
            {i > 0 ? "   " : ""}
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
