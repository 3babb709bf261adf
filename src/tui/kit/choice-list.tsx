import { Box, Text } from "ink";
import SelectInput from "ink-select-input";
import { glyph, tone } from "./theme.js";

export interface Choice {
  value: string;
  label: string;
}

function Indicator({ isSelected }: { isSelected?: boolean }) {
  return (
    <Box marginRight={1}>
      <Text color={isSelected ? tone("accent") : undefined}>
        {isSelected ? glyph.selected : glyph.unselected}
      </Text>
    </Box>
  );
}

function Item({ isSelected, label }: { isSelected?: boolean; label: string }) {
  return (
    <Text color={isSelected ? tone("accent") : undefined} bold={isSelected} wrap="truncate-end">
      {label}
    </Text>
  );
}

/**
 * A list to pick one value from (ink-select-input): arrows or j/k move, Enter picks.
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
  /** The value highlighted first (e.g. the recommended one). */
  initial?: string;
  focused: boolean;
  limit?: number;
  onPick(value: string): void;
}) {
  const index = Math.max(
    0,
    choices.findIndex((c) => c.value === initial),
  );
  return (
    <SelectInput
      items={choices.map((c) => ({ key: c.value, label: c.label, value: c.value }))}
      initialIndex={index}
      isFocused={focused}
      limit={limit}
      indicatorComponent={Indicator}
      itemComponent={Item}
      onSelect={(item) => onPick(item.value)}
    />
  );
}
