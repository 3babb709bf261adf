import * as hdr from "hdr-histogram-js";

export type Histogram = hdr.Histogram;

/** Highest latency we can record: one hour, in microseconds. Longer values are clamped. */
export const MAX_MICROS = 3_600_000_000;

/** A latency histogram in microseconds, 3 significant digits, fixed memory (~95 kB). */
export function newHistogram(): Histogram {
  return hdr.build({
    bitBucketSize: 32,
    lowestDiscernibleValue: 1,
    highestTrackableValue: MAX_MICROS,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(text: string): Histogram {
  return hdr.decodeFromCompressedBase64(text, 32, false);
}

/** Record a latency given in milliseconds. */
export function recordMs(h: Histogram, ms: number): void {
  const micros = Math.round(ms * 1000);
  h.recordValue(Math.min(MAX_MICROS, Math.max(1, micros)));
}

/** The latency at percentile `p` in ms: the top of its bucket, but never above the largest recorded. */
export function percentileMs(h: Histogram, p: number): number {
  return Math.min(h.getValueAtPercentile(p), h.maxValue) / 1000;
}

/** Percentiles a log-percentile axis shows: 0, 50, 75, 90, 99, 99.9 … up to 100. */
export const DISTRIBUTION_PERCENTILES = [
  0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100,
];

/** Latency (ms) at each of the distribution percentiles; empty when nothing was recorded. */
export function distributionOf(h: Histogram): Array<{ percentile: number; ms: number }> {
  if (h.totalCount === 0) return [];
  return DISTRIBUTION_PERCENTILES.map((p) => {
    const micros =
      p === 0
        ? h.minNonZeroValue
        : p === 100
          ? h.maxValue
          : Math.min(h.getValueAtPercentile(p), h.maxValue);
    return { percentile: p, ms: micros / 1000 };
  });
}

/** One bar of a latency histogram: responses with latency in (fromMs, toMs]. */
export interface LatencyBin {
  fromMs: number;
  toMs: number;
  count: number;
}

/** Counts in `bins` log-spaced latency ranges from the fastest to the slowest response. */
export function latencyBins(h: Histogram, bins = 8): LatencyBin[] {
  if (h.totalCount === 0) return [];
  const lo = Math.max(1, h.minNonZeroValue);
  const hi = Math.max(lo + 1, h.maxValue);
  const ratio = (hi / lo) ** (1 / bins);
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo * ratio ** i));
  const out: LatencyBin[] = edges.slice(1).map((to, i) => ({
    fromMs: edges[i]! / 1000,
    toMs: to / 1000,
    count: 0,
  }));
  const it = (h as unknown as { recordedValuesIterator: RecordedIterator }).recordedValuesIterator;
  it.reset();
  let bin = 0;
  while (it.hasNext()) {
    const v = it.next();
    const value = v.valueIteratedTo;
    while (bin < bins - 1 && value > edges[bin + 1]!) bin++;
    out[bin]!.count += v.countAtValueIteratedTo;
  }
  return out;
}

interface RecordedIterator {
  reset(): void;
  hasNext(): boolean;
  next(): { valueIteratedTo: number; countAtValueIteratedTo: number };
}
