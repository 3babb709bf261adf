import {
  type LintFinding,
  type LintResult,
  lintFails,
  lintPath,
} from "../../../engine/schema/index.js";
import type { CliContext } from "../../context.js";
import { EXIT, paint, writeJson, writeText } from "../../output.js";

/** `db --lint FILE|DIR [--fail-on warning|error]`: exit 1 at or above --fail-on (default error). */
export async function runLintMode(
  flags: { lint: string; failOn?: "warning" | "error"; json?: boolean },
  _ctx: CliContext,
): Promise<number> {
  const result = await lintPath(flags.lint);
  const failOn = flags.failOn ?? "error";
  const failed = lintFails(result, failOn);
  if (flags.json) writeJson({ ...result, failOn, failed });
  else writeText(lintReport(result, failOn, failed));
  return failed ? EXIT.gateFailed : EXIT.ok;
}

export function lintFindingLines(findings: LintFinding[]): string[] {
  return findings.map((f) =>
    [
      paint(
        `${f.file}:${f.line}: ${f.severity} [${f.rule}] ${f.message}`,
        f.severity === "error" ? "red" : "yellow",
      ),
      paint(`    ${f.statement}   (see ${f.doc})`, "dim"),
    ].join("\n"),
  );
}

export function lintReport(r: LintResult, failOn: string, failed: boolean): string {
  const lines = lintFindingLines(r.findings);
  lines.push(
    `${r.files.length} file(s): ${r.counts.error} error(s), ${r.counts.warning} warning(s)${
      failed ? paint(` — at or above --fail-on ${failOn} → exit 1`, "red") : ""
    }`,
  );
  return lines.join("\n");
}
