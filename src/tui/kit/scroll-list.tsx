import { Box, Text } from "ink";
import { glyph, type Tone, tone } from "./theme.js";

export interface ListItemLook {
  mark: string;
  markTone?: Tone;
  label: string;
}

/** A windowed list that keeps the selection in view; the selection has a glyph as well as inverse video. */
export function ScrollList<T>({
  items,
  selected,
  height,
  width,
  focused,
  look,
}: {
  items: T[];
  selected: number;
  height: number;
  width: number;
  focused: boolean;
  look: (item: T) => ListItemLook;
}) {
  const top = Math.min(
    Math.max(0, selected - Math.floor(height / 2)),
    Math.max(0, items.length - height),
  );
  const shown = items.slice(top, top + height);
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {shown.map((item, i) => {
        const isSelected = top + i === selected;
        const l = look(item);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional within the window
          <Text key={top + i} wrap="truncate-end" inverse={isSelected && focused}>
            {isSelected ? glyph.selected : glyph.unselected}{" "}
            {l.mark ? <Text color={tone(l.markTone ?? "muted")}>{`${l.mark} `}</Text> : null}
            {l.label}
          </Text>
        );
      })}
    </Box>
  );
}
