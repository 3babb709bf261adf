import { Box, Text } from "ink";
import { TextField } from "../../kit/text-field.js";
import { glyph, tone } from "../../kit/theme.js";

export interface AuditFormValues {
  url: string;
  spec: string;
}

/** URL and optional spec path; the screen owns focus (Tab) and submission (Enter). */
export function AuditForm({
  values,
  focus,
  error,
  busy,
  onChange,
  onSubmit,
}: {
  values: AuditFormValues;
  focus: keyof AuditFormValues;
  error?: string;
  busy: boolean;
  onChange(values: AuditFormValues): void;
  onSubmit(): void;
}) {
  const field = (name: keyof AuditFormValues, label: string, placeholder: string) => (
    <Box>
      <Text>
        {focus === name ? glyph.selected : glyph.unselected} {label.padEnd(6)}
      </Text>
      <TextField
        value={values[name]}
        placeholder={placeholder}
        focus={focus === name && !busy}
        onChange={(v) => onChange({ ...values, [name]: v })}
        onSubmit={onSubmit}
      />
    </Box>
  );
  return (
    <Box flexDirection="column" paddingY={1}>
      <Text wrap="wrap">
        Audit a running API for security basics. Only send requests to APIs you are allowed to test.
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {field("url", "URL", "http://127.0.0.1:3000")}
        {field("spec", "spec", "openapi.yaml (optional)")}
      </Box>
      <Box marginTop={1}>
        {busy ? <Text color={tone("muted")}>Loading the spec…</Text> : null}
        {error ? <Text color={tone("bad")}>{error}</Text> : null}
      </Box>
    </Box>
  );
}
