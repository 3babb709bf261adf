import { Box, Text } from "ink";
import { TextField } from "./text-field.js";
import { glyph, tone } from "./theme.js";

export interface FormField {
  key: string;
  label: string;
  placeholder?: string;
}

/**
 * Labelled text inputs, one focused at a time (the screen owns focus and validation).
 * Enter on a field calls `onEnter` with its index, right after any `onChange` from the same keys.
 */
export function FieldForm({
  fields,
  values,
  focus,
  focused,
  onChange,
  onEnter,
}: {
  fields: FormField[];
  values: Record<string, string>;
  focus: number;
  focused: boolean;
  onChange(key: string, value: string): void;
  onEnter(index: number): void;
}) {
  const width = Math.min(40, Math.max(...fields.map((f) => f.label.length)) + 1);
  return (
    <Box flexDirection="column">
      {fields.map((f, i) => (
        <Box key={f.key}>
          <Text color={i === focus ? tone("accent") : undefined}>
            {i === focus ? glyph.selected : glyph.unselected} {f.label.padEnd(width)}
          </Text>
          <TextField
            value={values[f.key] ?? ""}
            placeholder={f.placeholder ?? ""}
            focus={focused && i === focus}
            onChange={(v) => onChange(f.key, v)}
            onSubmit={() => onEnter(i)}
          />
        </Box>
      ))}
    </Box>
  );
}
