import { Box, Text } from "ink";
import { useRef } from "react";
import { glyph, type Tone, tone } from "./theme.js";
import type { TreeRow } from "./tree-model.js";

export interface TreeRowLook {
  /** One-character status mark shown before the label (e.g. + - ~). */
  mark: string;
  markTone?: Tone;
  label: string;
  /** Muted text after the label (a kind, a count). */
  note?: string;
}

const OPEN = "▾";
const CLOSED = "▸";

/**
 * A collapsible tree, presentational: rows come from `visibleRows`, the caller owns the selection.
 * Shows a window of `height` rows that follows the selection; every line is cut to `width`.
 */
export function Tree<T>({
  rows,
  selected,
  width,
  height,
  focused,
  look,
  empty = "nothing to show",
}: {
  rows: TreeRow<T>[];
  selected: number;
  width: number;
  height: number;
  focused: boolean;
  look: (row: TreeRow<T>) => TreeRowLook;
  empty?: string;
}) {
  const top = useWindowTop(selected, height, rows.length);
  if (rows.length === 0) {
    return (
      <Box width={width} height={height}>
        <Text color={tone("muted")}>{empty}</Text>
      </Box>
    );
  }
  const shown = rows.slice(top, top + height);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {shown.map((row, i) => {
        const index = top + i;
        const isSelected = index === selected;
        const l = look(row);
        const twisty = row.node.children.length === 0 ? " " : row.expanded ? OPEN : CLOSED;
        const prefix = `${isSelected ? glyph.selected : glyph.unselected} ${"  ".repeat(row.depth)}${twisty} `;
        const room = Math.max(0, width - prefix.length - 2);
        const label = cut(l.label, room);
        const note = l.note ? cut(` ${l.note}`, Math.max(0, room - label.length)) : "";
        return (
          <Text key={row.node.id} wrap="truncate-end" inverse={isSelected && focused}>
            <Text bold={isSelected}>{prefix}</Text>
            <Text color={tone(l.markTone ?? "muted")}>{l.mark}</Text>
            <Text bold={isSelected}> {label}</Text>
            <Text color={tone("muted")}>{note}</Text>
          </Text>
        );
      })}
    </Box>
  );
}

/** First visible row: moves only as far as needed to keep the selection in view. */
function useWindowTop(selected: number, height: number, count: number): number {
  const topRef = useRef(0);
  let top = topRef.current;
  if (selected < top) top = selected;
  if (selected >= top + height) top = selected - height + 1;
  top = Math.max(0, Math.min(top, Math.max(0, count - height)));
  topRef.current = top;
  return top;
}

function cut(text: string, room: number): string {
  if (text.length <= room) return text;
  if (room <= 1) return text.slice(0, room);
  return `${text.slice(0, room - 1)}…`;
}
