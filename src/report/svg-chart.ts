/** Small self-contained SVG charts for the HTML report (no scripts, no external resources). */

export interface Series {
  name: string;
  color: string;
  points: Array<[number, number | null]>;
  dashed?: boolean;
}

export interface LineChartOptions {
  title: string;
  width?: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Horizontal reference lines (thresholds). */
  rules?: Array<{ y: number; label: string; color: string }>;
  /** Tick positions and labels on x (defaults to 6 evenly spaced values). */
  xTicks?: Array<[number, string]>;
  yFormat?: (v: number) => string;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const PAD = { left: 64, right: 16, top: 28, bottom: 40 };

/** A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const fmt = (v: number) =>
  Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);

/** A line chart; null values break a line. */
export function lineChart(o: LineChartOptions): string {
  const w = o.width ?? 900;
  const h = o.height ?? 280;
  const iw = w - PAD.left - PAD.right;
  const ih = h - PAD.top - PAD.bottom;
  const xs = o.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = o.series.flatMap((s) =>
    s.points.map((p) => p[1]).filter((v): v is number => v !== null),
  );
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs, xMin + 1) : 1;
  const yMax = niceMax(Math.max(0, ...ys, ...(o.rules ?? []).map((r) => r.y)) * 1.05);
  const xAt = (x: number) => PAD.left + ((x - xMin) / (xMax - xMin)) * iw;
  const yAt = (y: number) => PAD.top + ih - (y / yMax) * ih;
  const yf = o.yFormat ?? fmt;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    parts.push(
      `<line x1="${PAD.left}" x2="${w - PAD.right}" y1="${yAt(v)}" y2="${yAt(v)}" class="grid"/>`,
      `<text x="${PAD.left - 6}" y="${yAt(v) + 4}" text-anchor="end">${escapeHtml(yf(v))}</text>`,
    );
  }
  const ticks =
    o.xTicks ??
    Array.from({ length: 6 }, (_, i) => {
      const raw = xMin + ((xMax - xMin) * i) / 5;
      // Whole numbers (seconds) when the axis spans enough of them.
      const v = xMax - xMin >= 5 ? Math.round(raw) : raw;
      return [v, xMax - xMin >= 5 ? String(v) : fmt(v)] as [number, string];
    });
  for (const [v, label] of ticks)
    parts.push(
      `<text x="${xAt(v)}" y="${h - PAD.bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text>`,
    );
  for (const r of o.rules ?? [])
    parts.push(
      `<line x1="${PAD.left}" x2="${w - PAD.right}" y1="${yAt(r.y)}" y2="${yAt(r.y)}" stroke="${r.color}" stroke-dasharray="6 4" class="rule"/>`,
      `<text x="${w - PAD.right - 4}" y="${yAt(r.y) - 4}" text-anchor="end" fill="${r.color}">${escapeHtml(r.label)}</text>`,
    );
  for (const s of o.series) {
    let d = "";
    let pen = false;
    for (const [x, y] of s.points) {
      if (y === null) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${xAt(x).toFixed(1)},${yAt(y).toFixed(1)}`;
      pen = true;
    }
    // A single point still shows, as a dot.
    if (s.points.filter((p) => p[1] !== null).length === 1) {
      const [x, y] = s.points.find((p) => p[1] !== null)!;
      parts.push(`<circle cx="${xAt(x)}" cy="${yAt(y!)}" r="3" fill="${s.color}" class="series"/>`);
    } else if (d)
      parts.push(
        `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ""} class="series"/>`,
      );
  }
  const legend = o.series
    .map(
      (s, i) =>
        `<text x="${PAD.left + 8 + i * 130}" y="${PAD.top - 10}" fill="${s.color}">■ ${escapeHtml(s.name)}</text>`,
    )
    .join("");
  return `<figure><figcaption>${escapeHtml(o.title)}</figcaption><svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(o.title)}">
<rect x="${PAD.left}" y="${PAD.top}" width="${iw}" height="${ih}" class="plot"/>${parts.join("")}${legend}
<text x="${PAD.left + iw / 2}" y="${h - 6}" text-anchor="middle" class="axis">${escapeHtml(o.xLabel)}</text>
<text x="14" y="${PAD.top + ih / 2}" text-anchor="middle" transform="rotate(-90 14 ${PAD.top + ih / 2})" class="axis">${escapeHtml(o.yLabel)}</text>
</svg></figure>`;
}

/** Horizontal bars with their counts, e.g. status codes. */
export function barChart(
  title: string,
  bars: Array<{ label: string; value: number; color: string }>,
): string {
  const w = 900;
  const row = 26;
  const h = 30 + bars.length * row;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const inner = w - 200;
  const rows = bars
    .map((b, i) => {
      const y = 20 + i * row;
      const bw = Math.max(1, (b.value / max) * inner);
      return `<text x="70" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text><rect x="80" y="${y}" width="${bw.toFixed(1)}" height="${row - 8}" fill="${b.color}" class="series"/><text x="${86 + bw}" y="${y + 15}">${b.value.toLocaleString("en-US")}</text>`;
    })
    .join("");
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(title)}">${rows}</svg></figure>`;
}
