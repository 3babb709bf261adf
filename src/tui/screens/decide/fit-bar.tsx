import { Text } from "ink";
import { glyph, type Tone, tone } from "../../kit/theme.js";

/** The cells of a bar `width` wide filled in proportion to `score` (0–100). */
export function fitBarCells(score: number, width: number): { full: number; empty: number } {
  const full = Math.max(0, Math.min(width, Math.round((score / 100) * width)));
  return { full, empty: width - full };
}

/** A horizontal fit bar with the score after it, e.g. `███████░░░  72.4`. */
export function FitBar({
  score,
  width = 10,
  color,
}: {
  score: number;
  width?: number;
  color?: Tone;
}) {
  const { full, empty } = fitBarCells(score, width);
  const barTone = color ?? (score >= 80 ? "ok" : score >= 50 ? "warn" : "bad");
  return (
    <Text>
      <Text color={tone(barTone)}>{glyph.barFull.repeat(full)}</Text>
      <Text color={tone("muted")}>{glyph.barEmpty.repeat(empty)}</Text>
      <Text> {score.toFixed(1).padStart(5)}</Text>
    </Text>
  );
}
