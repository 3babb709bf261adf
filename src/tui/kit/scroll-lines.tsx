import { Box, Text } from "ink";
import { type Tone, tone } from "./theme.js";

/** One pre-wrapped line of a scrollable pane. */
export interface PaneLine {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

/** Split text into lines no wider than `width`, continuing lines with `indent`; long words are cut. */
export function wrapText(text: string, width: number, indent = ""): string[] {
  const out: string[] = [];
  let line = "";
  const limit = () => Math.max(1, out.length === 0 ? width : width - indent.length);
  const flush = () => {
    out.push(out.length === 0 ? line : `${indent}${line}`);
    line = "";
  };
  for (const w of text.split(/\s+/).filter(Boolean)) {
    let word = w;
    while (word) {
      const candidate = line ? `${line} ${word}` : word;
      if (candidate.length <= limit()) {
        line = candidate;
        word = "";
      } else if (line) {
        flush();
      } else {
        const n = limit();
        line = word.slice(0, n);
        word = word.slice(n);
        flush();
      }
    }
  }
  if (line || out.length === 0) flush();
  return out;
}

/** A window of `height` lines starting at `offset`, each cut to `width`. */
export function ScrollLines({
  lines,
  offset,
  height,
  width,
}: {
  lines: PaneLine[];
  offset: number;
  height: number;
  width: number;
}) {
  const shown = lines.slice(offset, offset + height);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {shown.map((l, i) =>
        l.text.length === 0 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
          <Box key={offset + i} height={1} flexShrink={0} />
        ) : (
          <Text
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
            key={offset + i}
            color={l.tone ? tone(l.tone) : undefined}
            bold={l.bold}
            wrap="truncate-end"
          >
            {l.text}
          </Text>
        ),
      )}
    </Box>
  );
}
