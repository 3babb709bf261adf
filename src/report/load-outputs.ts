import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type LoadOutcome, saveSnapshot } from "../engine/load/index.js";
import { UserError } from "../engine/shared/index.js";
import { EXIT } from "./exit-codes.js";
import { loadReportText } from "./load-report-text.js";

/** What `load --json` prints (and `--output FILE.json` writes): one document. */
export function outcomeDocument(outcome: LoadOutcome) {
  return {
    report: outcome.report,
    verdict: outcome.verdict,
    recommendations: outcome.recommendations,
    exitCode: outcome.report.interrupted
      ? EXIT.interrupted
      : outcome.verdict.passed
        ? EXIT.ok
        : EXIT.gateFailed,
  };
}

/** `--save` (snapshot for later baselines) and `--output` (JSON when it ends in .json, else text). */
export function writeLoadOutputs(
  outcome: LoadOutcome,
  files: { save?: string; output?: string },
): string[] {
  const written: string[] = [];
  if (files.save) written.push(saveSnapshot(files.save, outcome.report));
  if (files.output) {
    const path = resolve(files.output);
    const text = path.endsWith(".json")
      ? `${JSON.stringify(outcomeDocument(outcome), null, 2)}\n`
      : `${loadReportText(outcome).replace(/\u001b\[\d+m/g, "")}\n`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    } catch (error) {
      throw new UserError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code})`);
    }
    written.push(path);
  }
  return written;
}
