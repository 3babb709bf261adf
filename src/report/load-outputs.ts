import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  type LoadOutcome,
  type LoadReport,
  saveSnapshot,
  type Threshold,
} from "../engine/load/index.js";
import { UserError } from "../engine/shared/index.js";
import { EXIT } from "./exit-codes.js";
import { loadReportHtml } from "./load-html.js";
import { loadReportText } from "./load-report-text.js";
import { timeseriesCsv, timeseriesJson } from "./load-timeseries.js";

/** What `load --json` prints (and `--output FILE.json` writes): one document. */
export function outcomeDocument(outcome: LoadOutcome, exitCode?: number) {
  return {
    report: outcome.report,
    verdict: outcome.verdict,
    recommendations: outcome.recommendations,
    exitCode:
      exitCode ??
      (outcome.report.interrupted
        ? EXIT.interrupted
        : outcome.verdict.passed
          ? EXIT.ok
          : EXIT.gateFailed),
  };
}

/** The files a run writes, checked before any traffic. */
export interface OutputFiles {
  save?: string;
  output?: string;
  timeseries?: string;
  report?: string;
}

/** Bad file names are input errors before the run, not a lost run after it. */
export function checkOutputFiles(files: OutputFiles): OutputFiles {
  if (files.timeseries && !/\.(csv|json)$/i.test(files.timeseries))
    throw new UserError(`--timeseries ${files.timeseries}: the name must end in .csv or .json`, {
      hint: "e.g. --timeseries run.csv (one row per second)",
    });
  if (files.report && !/\.html?$/i.test(files.report))
    throw new UserError(`--report ${files.report}: the name must end in .html`, {
      hint: "e.g. --report run.html (one self-contained page)",
    });
  return {
    save: files.save,
    output: files.output,
    timeseries: files.timeseries,
    report: files.report,
  };
}

function write(file: string, text: string): string {
  const path = resolve(file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new UserError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
  return path;
}

/**
 * `--save` (snapshot for later baselines), `--output` (JSON when it ends in .json, else text),
 * `--timeseries` (CSV or JSON by extension) and `--report` (HTML).
 */
export function writeLoadOutputs(
  outcome: LoadOutcome,
  files: OutputFiles & { exitCode?: number; thresholds?: Threshold[]; baseline?: LoadReport },
): string[] {
  const written: string[] = [];
  if (files.save) written.push(saveSnapshot(files.save, outcome.report));
  if (files.output) {
    const text = /\.json$/i.test(files.output)
      ? `${JSON.stringify(outcomeDocument(outcome, files.exitCode), null, 2)}\n`
      : `${loadReportText(outcome).replace(/\u001b\[\d+m/g, "")}\n`;
    written.push(write(files.output, text));
  }
  if (files.timeseries) {
    const json = /\.json$/i.test(files.timeseries);
    written.push(
      write(
        files.timeseries,
        json ? timeseriesJson(outcome.report) : timeseriesCsv(outcome.report),
      ),
    );
  }
  if (files.report)
    written.push(
      write(
        files.report,
        loadReportHtml(outcome, { thresholds: files.thresholds, baseline: files.baseline }),
      ),
    );
  return written;
}
