import type { Command } from "commander";
import { type MergedReport, mergeHdrLogs } from "../../engine/load/index.js";
import { percentileLine, sparkline } from "../../report/load-report-text.js";
import { action } from "../action.js";
import type { CliContext } from "../context.js";
import { EXIT, paint, writeJson, writeStatus, writeText } from "../output.js";

interface MergeFlags {
  json?: boolean;
  hdrLog?: string;
}

/** `load merge A.hlog B.hlog …`: several generators' interval logs as one exact report. */
export function registerMergeCommand(load: Command, _ctx: CliContext): void {
  load
    .command("merge")
    .description("add the HdrHistogram interval logs of several generators into one report")
    .argument("<logs...>", "files written by load --hdr-log FILE")
    .option("--json", "print one JSON document")
    .option("--hdr-log <file>", "also write the merged per-second histograms as an interval log")
    .action(
      action((logs: string[], _own: MergeFlags, command: Command) => {
        // `load` has --json and --hdr-log too and parses them first: read both levels.
        const flags = command.optsWithGlobals<MergeFlags>();
        const merged = mergeHdrLogs(logs, flags.hdrLog);
        if (flags.json) writeJson(merged);
        else writeText(mergedText(merged));
        if (flags.hdrLog) writeStatus(`wrote ${flags.hdrLog}`);
        return merged.requests > 0 ? EXIT.ok : EXIT.gateFailed;
      }),
    );
}

function mergedText(m: MergedReport): string {
  const n = (v: number) => Math.round(v).toLocaleString("en-US");
  const lines = [
    paint(
      `load merge: ${m.files.length} log${m.files.length === 1 ? "" : "s"} from ${m.startedAt}`,
      "bold",
    ),
    "",
    ...m.files.map((f) => `  ${f.path}   ${n(f.requests)} responses in ${f.intervals} intervals`),
    "",
    `  responses   ${n(m.requests)} in ${m.elapsedSec.toFixed(1)} s   ${m.rps.toFixed(1)} req/s (successful responses; the logs hold no failures)`,
    `  latency     ${percentileLine(m.latency, "no responses recorded")}`,
  ];
  if (m.timeline.length > 1) {
    lines.push(
      `  per second  req/s  ${sparkline(
        m.timeline.map((p) => p.rps),
        40,
      )}`,
      `              p99    ${sparkline(
        m.timeline.map((p) => p.p99),
        40,
      )}`,
    );
  }
  return lines.join("\n");
}
