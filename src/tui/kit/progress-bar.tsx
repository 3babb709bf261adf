import { Text } from "ink";
import { glyph, tone } from "./theme.js";

/** `[█████░░░░]  42%` sized to `width` columns, then `label`. */
export function ProgressBar({
  fraction,
  width,
  label,
}: {
  fraction: number;
  width: number;
  label?: string;
}) {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const pct = `${Math.round(f * 100)}%`.padStart(4);
  const bar = Math.max(4, width - pct.length - 3 - (label ? label.length + 2 : 0));
  const full = Math.round(f * bar);
  return (
    <Text wrap="truncate-end">
      [<Text color={tone("accent")}>{glyph.barFull.repeat(full)}</Text>
      {glyph.barEmpty.repeat(bar - full)}] {pct}
      {label ? `  ${label}` : ""}
    </Text>
  );
}
