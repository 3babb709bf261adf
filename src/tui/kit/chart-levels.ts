/** A horizontal line across a chart: a limit such as `p99>250ms`, named at its right end. */
export interface ChartLevel {
  value: number;
  label: string;
}

/** The dashed glyph of a level; the data's lines are solid, so the two differ without colour too. */
export const LEVEL_GLYPH = "╌";

const ANSI = /^\u001b\[[0-9;]*m/;

/**
 * Draw `levels` into a chart that asciichart laid out with min 0, `max` and `height` rows, its
 * plot starting at column `plotFrom`: each level is a dashed line in the cells the data left blank
 * (the data stays on top), on the row asciichart would give that value, with its label at the
 * right end when those cells are blank. `paint` colours what is drawn (identity without colour).
 */
export function drawLevels(
  chart: string,
  levels: ChartLevel[],
  frame: { max: number; height: number; plotFrom: number },
  paint: (text: string) => string = (t) => t,
): string {
  if (levels.length === 0 || frame.max <= 0) return chart;
  const lines = chart.split("\n");
  const ratio = frame.height / frame.max;
  for (const level of levels) {
    const row = Math.round(frame.max * ratio) - Math.round(level.value * ratio);
    if (row < 0 || row >= lines.length) continue;
    lines[row] = drawRow(lines[row]!, ` ${level.label}`, frame.plotFrom, paint);
  }
  return lines.join("\n");
}

/** One row: blank plot cells become dashes, the last ones the label when all of them are blank. */
function drawRow(line: string, label: string, plotFrom: number, paint: (t: string) => string) {
  const cells: Array<{ text: string; blank: boolean }> = [];
  let rest = line;
  let pending = "";
  while (rest.length > 0) {
    const esc = ANSI.exec(rest);
    if (esc) {
      pending += esc[0];
      rest = rest.slice(esc[0].length);
      continue;
    }
    const ch = String.fromCodePoint(rest.codePointAt(0)!);
    cells.push({ text: pending + ch, blank: ch === " " && pending === "" });
    pending = "";
    rest = rest.slice(ch.length);
  }
  const plot = cells.length - plotFrom;
  const labelFrom = cells.length - label.length;
  const labelFits = plot >= label.length + 4 && cells.slice(labelFrom).every((c) => c.blank);
  // Drawn cells in runs, one colour sequence per run.
  let out = "";
  let run = "";
  for (let i = 0; i < cells.length; i++) {
    const drawn =
      i < plotFrom
        ? undefined
        : labelFits && i >= labelFrom
          ? label[i - labelFrom]
          : cells[i]!.blank
            ? LEVEL_GLYPH
            : undefined;
    if (drawn !== undefined) {
      run += drawn;
      continue;
    }
    if (run) out += paint(run);
    run = "";
    out += cells[i]!.text;
  }
  if (run) out += paint(run);
  return out + pending;
}
