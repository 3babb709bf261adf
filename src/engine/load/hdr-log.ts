import { closeSync, openSync, writeSync } from "node:fs";
import * as hdr from "hdr-histogram-js";
import { UserError } from "../shared/index.js";
import type { Histogram } from "./histogram.js";

/**
 * Writes an HdrHistogram interval log (one compressed histogram per second, values in µs,
 * max column in ms) that HdrHistogram tools and other agents' logs can merge with.
 */
export class HdrLogFile {
  private readonly fd: number;
  private readonly writer: InstanceType<typeof hdr.HistogramLogWriter>;

  constructor(path: string) {
    try {
      this.fd = openSync(path, "w");
    } catch (error) {
      throw new UserError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code})`, {
        hint: "--hdr-log FILE needs a writable path",
      });
    }
    this.writer = new hdr.HistogramLogWriter((text) => writeSync(this.fd, text));
  }

  /** Write the header once the measured phase's start is known. */
  start(startEpochMs: number): void {
    this.writer.outputComment(
      "senior-backend load: latency of successful responses, in microseconds",
    );
    this.writer.outputLogFormatVersion();
    this.writer.outputStartTime(startEpochMs);
    this.writer.outputLegend();
  }

  interval(h: Histogram, startSec: number, endSec: number): void {
    this.writer.outputIntervalHistogram(h, startSec, endSec, 1000);
  }

  close(): void {
    closeSync(this.fd);
  }
}
