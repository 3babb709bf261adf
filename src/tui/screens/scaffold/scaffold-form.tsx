import { Box, Text } from "ink";
import { FRAMEWORKS, type Framework } from "../../../engine/scaffold/index.js";
import { TextField } from "../../kit/text-field.js";
import { glyph, tone } from "../../kit/theme.js";

export interface ScaffoldFormValues {
  source: string;
  framework: Framework;
  outputDir: string;
}

const LABEL = 11;

/** Source (spec file or postgres:// URL), framework (←/→), output folder. The screen owns focus. */
export function ScaffoldForm({
  values,
  focus,
  focused,
  error,
  onChange,
  onEnter,
}: {
  values: ScaffoldFormValues;
  focus: number;
  focused: boolean;
  error?: string;
  onChange(values: ScaffoldFormValues): void;
  onEnter(row: number): void;
}) {
  const mark = (row: number) => (row === focus ? glyph.selected : glyph.unselected);
  const text = (row: number, name: "source" | "outputDir", label: string, placeholder: string) => (
    <Box>
      <Text color={row === focus ? tone("accent") : undefined}>
        {mark(row)} {label.padEnd(LABEL)}
      </Text>
      <TextField
        value={values[name]}
        placeholder={placeholder}
        focus={focused && row === focus}
        onChange={(v) => onChange({ ...values, [name]: v })}
        onSubmit={() => onEnter(row)}
      />
    </Box>
  );
  return (
    <Box flexDirection="column" paddingY={1}>
      <Text wrap="wrap">
        Generate a typed API skeleton from an OpenAPI spec, or CRUD routes for every table of a
        PostgreSQL database.
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {text(0, "source", "Source", "openapi.yaml or postgres://user@host/db")}
        <Box>
          <Text color={focus === 1 ? tone("accent") : undefined}>
            {mark(1)} {"Framework".padEnd(LABEL)}
          </Text>
          {FRAMEWORKS.map((f) => (
            <Text
              key={f}
              bold={f === values.framework}
              inverse={f === values.framework && focus === 1}
            >
              {f === values.framework ? `‹${f}›` : ` ${f} `}{" "}
            </Text>
          ))}
        </Box>
        {text(2, "outputDir", "Output", "a folder, e.g. src/routes/")}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {error ? (
          <Text color={tone("bad")} wrap="wrap">
            {glyph.kill} {error}
          </Text>
        ) : (
          <Text color={tone("muted")} wrap="wrap">
            Tab or ↓ moves between rows, ←/→ picks the framework, Enter on the last row starts.
          </Text>
        )}
      </Box>
    </Box>
  );
}
