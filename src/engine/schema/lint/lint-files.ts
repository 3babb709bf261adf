import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../../shared/index.js";
import { splitStatements } from "../migrate/statement-split.js";
import { parseMigrationFile } from "../migration-file.js";
import type { LintSeverity } from "./lint-rules.js";
import { type LintFinding, lintStatement, newLintState } from "./lint-statements.js";

export interface LintResult {
  files: string[];
  findings: LintFinding[];
  counts: Record<LintSeverity, number>;
}

const RANK: Record<LintSeverity, number> = { warning: 1, error: 2 };

/** Does any finding reach `failOn`? */
export function lintFails(result: Pick<LintResult, "findings">, failOn: LintSeverity): boolean {
  return result.findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}

/** Lint one migration text (both directions; a plain .sql file is one up part). */
export async function lintMigrationText(text: string, file: string): Promise<LintFinding[]> {
  const normalised = text.replace(/\r\n/g, "\n");
  const parsed = parseMigrationFile(normalised);
  const findings: LintFinding[] = [];
  // What a direction creates or proves carries over from one of its sections to the next; lock_timeout does not.
  const carried = { up: newLintState(new Set()), down: newLintState(new Set()) };
  let cursor = 0;
  for (const section of parsed.sections) {
    const at = normalised.indexOf(section.sql, cursor);
    if (at !== -1) cursor = at + section.sql.length;
    const lineOffset = 1 + (normalised.slice(0, Math.max(0, at)).match(/\n/g)?.length ?? 0);
    const state = {
      ...carried[section.direction],
      lockTimeout: false,
      lockTimeoutReported: false,
    };
    for (const s of await splitStatements(section.sql, { file, lineOffset })) {
      findings.push(...lintStatement(file, s, state));
    }
  }
  return findings;
}

/** `db --lint FILE|DIR`: every .sql file (a folder: in name order). */
export async function lintPath(path: string): Promise<LintResult> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UserError(`${path}: no such file or folder`);
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((n) => n.endsWith(".sql"))
        .sort()
        .map((n) => join(path, n))
    : [path];
  if (files.length === 0) throw new UserError(`${path}: no .sql files in this folder`);
  const findings: LintFinding[] = [];
  for (const file of files)
    findings.push(...(await lintMigrationText(await readFile(file, "utf8"), file)));
  return {
    files,
    findings,
    counts: {
      warning: findings.filter((f) => f.severity === "warning").length,
      error: findings.filter((f) => f.severity === "error").length,
    },
  };
}
