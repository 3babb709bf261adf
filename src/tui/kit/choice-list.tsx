import { Box, Text } from "ink";
import { useRef, useState } from "react";
import { glyph, tone } from "./theme.js";
import { useKeys } from "./use-keys.js";

export interface Choice {
  value: string;
  label: string;
}

/**
 * A list to pick one value from: arrows or j/k move, Home/End jump, Enter picks.
 * The highlighted row lives in a ref as well as in state, so every key starts from where the
 * previous one left it (ink-select-input reads its state from the last render and loses keys
 * that arrive together, e.g. `Down Enter` picked the row it started on).
 * The highlighted row carries the `›` glyph as well as colour, so it survives NO_COLOR.
 */
export function ChoiceList({
  choices,
  initial,
  focused,
  limit,
  onPick,
}: {
  choices: Choice[];
  /** The value highlighted first (e.g. the recommended one, or the answer given before). */
  initial?: string;
  focused: boolean;
  /** Rows shown at once; the window follows the highlight. */
  limit?: number;
  onPick(value: string): void;
}) {
  const start = Math.max(
    0,
    choices.findIndex((c) => c.value === initial),
  );
  const selected = useRef(start);
  const [, redraw] = useState(0);
  const last = Math.max(0, choices.length - 1);
  if (selected.current > last) selected.current = last;

  useKeys(
    (input, key) => {
      const move = (to: number) => {
        selected.current = Math.min(Math.max(0, to), last);
        redraw((n) => n + 1);
      };
      if (key.upArrow || input === "k") return move(selected.current - 1);
      if (key.downArrow || input === "j") return move(selected.current + 1);
      if (key.home) return move(0);
      if (key.end) return move(last);
      const choice = choices[selected.current];
      if (key.return && choice) onPick(choice.value);
    },
    { isActive: focused },
  );

  const rows = Math.max(1, Math.min(limit ?? choices.length, choices.length));
  const top = Math.min(
    Math.max(0, selected.current - rows + 1),
    Math.max(0, choices.length - rows),
  );
  const first = Math.min(top, selected.current);
  return (
    <Box flexDirection="column">
      {choices.slice(first, first + rows).map((c, i) => {
        const isSelected = first + i === selected.current;
        return (
          <Text
            key={c.value}
            color={isSelected ? tone("accent") : undefined}
            bold={isSelected}
            wrap="truncate-end"
          >
            {isSelected ? glyph.selected : glyph.unselected} {c.label}
          </Text>
        );
      })}
    </Box>
  );
}
