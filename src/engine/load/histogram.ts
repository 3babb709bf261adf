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
