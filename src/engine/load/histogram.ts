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

/** Record a latency given in milliseconds. */
export function recordMs(h: Histogram, ms: number): void {
  const micros = Math.round(ms * 1000);
  h.recordValue(Math.min(MAX_MICROS, Math.max(1, micros)));
}

/** The latency at percentile `p` in ms: the top of its bucket, but never above the largest recorded. */
export function percentileMs(h: Histogram, p: number): number {
  return Math.min(h.getValueAtPercentile(p), h.maxValue) / 1000;
}

/**
 * The latency (ms) at each of the percentiles `ps` (ascending), exactly as `percentileMs` gives
 * them, in one walk over the recorded buckets (hdr walks every bucket from zero for each one).
 */
export function percentilesMs(h: Histogram, ps: readonly number[]): number[] {
  const out = ps.map(() => 0);
  if (h.totalCount === 0) return out;
  const x = h as unknown as Indexed & { lowestEquivalentValue(value: number): number };
  // hdr's count at a percentile: rounded up, minus one ulp of floating-point error, at least 1.
  const targets = ps.map((p) => {
    const fp = (Math.min(p, 100) / 100) * h.totalCount;
    return Math.max(Math.ceil(fp - ulp(fp)), 1);
  });
  const last = x.countsArrayIndex(h.maxValue);
  let k = 0;
  let total = 0;
  for (let i = x.countsArrayIndex(h.minNonZeroValue); i <= last && k < ps.length; i++) {
    const count = x.getCountAtIndex(i);
    if (count === 0) continue;
    total += count;
    while (k < ps.length && total >= targets[k]!) {
      const value = x.valueFromIndex(i);
      const micros = ps[k] === 0 ? x.lowestEquivalentValue(value) : x.highestEquivalentValue(value);
      out[k] = Math.min(micros, h.maxValue) / 1000;
      k += 1;
    }
  }
  return out;
}

/** The spacing of doubles around `x` (as hdr-histogram-js computes it). */
function ulp(x: number): number {
  return 2 ** (Math.floor(Math.log2(x)) - 52);
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

/**
 * The histogram's bucket arrays, read by index. hdr-histogram-js's iterators allocate and do
 * bookkeeping per bucket; a live view asks for these figures four times a second, so they walk
 * the counts directly, and only up to the largest recorded value.
 */
interface Indexed {
  countsArrayIndex(value: number): number;
  getCountAtIndex(index: number): number;
  valueFromIndex(index: number): number;
  medianEquivalentValue(value: number): number;
  highestEquivalentValue(value: number): number;
}

/** What `addHistogram` uses of hdr-histogram-js's JsHistogram (same-layout add). */
interface Addable extends Indexed {
  addToCountAtIndex(index: number, count: number): void;
  setTotalCount(count: number): void;
  updatedMaxValue(value: number): void;
  updateMinNonZeroValue(value: number): void;
}

/**
 * `into.add(from)` for two histograms of ours (same layout), walking only `from`'s recorded range:
 * hdr's own add walks every bucket up to an hour, and the run adds its deltas several times a
 * second on the thread that sends.
 */
export function addHistogram(into: Histogram, from: Histogram): void {
  if (from.totalCount === 0) return;
  const x = from as unknown as Addable;
  const y = into as unknown as Addable;
  const last = x.countsArrayIndex(from.maxValue);
  let total = 0;
  for (let i = x.countsArrayIndex(from.minNonZeroValue); i <= last; i++) {
    const count = x.getCountAtIndex(i);
    if (count > 0) {
      y.addToCountAtIndex(i, count);
      total += count;
    }
  }
  y.setTotalCount(into.totalCount + total);
  y.updatedMaxValue(Math.max(into.maxValue, from.maxValue));
  y.updateMinNonZeroValue(Math.min(into.minNonZeroValue, from.minNonZeroValue));
}

/**
 * A histogram as posted between threads: [min, max, index, count, index, count, …] over its
 * recorded buckets (empty when nothing was recorded). A few hundred numbers where the compressed
 * encoding deflates the whole histogram, on the thread that sends, several times a second.
 */
export function packHistogram(h: Histogram): Float64Array {
  if (h.totalCount === 0) return new Float64Array(0);
  const x = h as unknown as Indexed;
  const out = [h.minNonZeroValue, h.maxValue];
  const last = x.countsArrayIndex(h.maxValue);
  for (let i = x.countsArrayIndex(h.minNonZeroValue); i <= last; i++) {
    const count = x.getCountAtIndex(i);
    if (count > 0) out.push(i, count);
  }
  return Float64Array.from(out);
}

/** Add a packed histogram (see `packHistogram`) into one of ours. */
export function addPacked(into: Histogram, packed: Float64Array): void {
  if (packed.length < 2) return;
  const y = into as unknown as Addable;
  let total = 0;
  for (let k = 2; k + 1 < packed.length; k += 2) {
    y.addToCountAtIndex(packed[k]!, packed[k + 1]!);
    total += packed[k + 1]!;
  }
  y.setTotalCount(into.totalCount + total);
  y.updatedMaxValue(Math.max(into.maxValue, packed[1]!));
  y.updateMinNonZeroValue(Math.min(into.minNonZeroValue, packed[0]!));
}

/** Mean latency in microseconds (as hdr's `mean`, without its iterator). */
export function meanMicros(h: Histogram): number {
  if (h.totalCount === 0) return 0;
  const x = h as unknown as Indexed;
  const last = x.countsArrayIndex(h.maxValue);
  let sum = 0;
  for (let i = 0; i <= last; i++) {
    const count = x.getCountAtIndex(i);
    if (count > 0) sum += x.medianEquivalentValue(x.valueFromIndex(i)) * count;
  }
  return sum / h.totalCount;
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
  const x = h as unknown as Indexed;
  const last = x.countsArrayIndex(h.maxValue);
  let bin = 0;
  for (let i = x.countsArrayIndex(h.minNonZeroValue); i <= last; i++) {
    const count = x.getCountAtIndex(i);
    if (count === 0) continue;
    // A bucket's value is its top (as the recorded-values iterator reports it).
    const value = x.highestEquivalentValue(x.valueFromIndex(i));
    while (bin < bins - 1 && value > edges[bin + 1]!) bin++;
    out[bin]!.count += count;
  }
  return out;
}
