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
