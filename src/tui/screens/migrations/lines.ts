import { basename } from "node:path";
import type {
  FolderRunResult,
  LintFinding,
  MigrateResult,
  MigrationState,
  MigrationStatusEntry,
} from "../../../engine/schema/index.js";
import { type PaneLine, wrapText } from "../../kit/scroll-lines.js";
import { glyph, type Tone } from "../../kit/theme.js";

/** How each state looks in the list: a glyph (survives NO_COLOR), a word and a tone. */
export const STATE_LOOK: Record<MigrationState, { mark: string; word: string; tone: Tone }> = {
  applied: { mark: glyph.ok, word: "applied", tone: "ok" },
  pending: { mark: "·", word: "pending", tone: "info" },
  "partially-applied": { mark: glyph.warn, word: "PARTIAL", tone: "warn" },
  "partially-rolled-back": { mark: glyph.warn, word: "PARTIAL DOWN", tone: "warn" },
  drifted: { mark: glyph.kill, word: "DRIFTED", tone: "bad" },
  "missing-file": { mark: "?", word: "NO FILE", tone: "bad" },
};

const push = (
  lines: PaneLine[],
  text: string,
  width: number,
  extra: Omit<PaneLine, "text"> = {},
) => {
  for (const t of wrapText(text, width, "  ")) lines.push({ text: t, ...extra });
};

/** The detail of one migration in the status list. */
export function entryLines(e: MigrationStatusEntry | undefined, width: number): PaneLine[] {
  if (!e) return [{ text: "No .sql files in this folder and nothing applied.", tone: "muted" }];
  const look = STATE_LOOK[e.state];
  const lines: PaneLine[] = [];
  push(lines, `${look.mark} ${e.name}: ${e.state}`, width, { bold: true, tone: look.tone });
  if (e.file) push(lines, `file: ${e.file}`, width, { tone: "muted" });
  if (e.appliedAt) push(lines, `applied at: ${e.appliedAt}`, width, { tone: "muted" });
  if (e.note) push(lines, e.note, width);
  return lines;
}

function resultLines(r: MigrateResult, width: number, lines: PaneLine[]) {
  lines.push({ text: "" });
  push(lines, `${r.name}: ${r.status} (${r.durationMs} ms)`, width, { bold: true, tone: "accent" });
  push(lines, r.message, width);
  for (const [i, u] of r.units.entries()) {
    const where = u.transactional ? "in a transaction" : "outside a transaction";
    push(
      lines,
      `part ${i + 1} (${where}, ${u.statements.length} statement(s)): ${u.outcome}`,
      width,
      {
        tone: u.outcome === "not-reached" ? "warn" : undefined,
      },
    );
    if (u.reason) push(lines, `  ${u.reason}`, width, { tone: "muted" });
  }
  for (const c of r.changes ?? [])
    push(
      lines,
      `${c.change === "created" ? glyph.added : c.change === "dropped" ? glyph.removed : glyph.changed} ${c.change} ${c.kind} ${c.name}`,
      width,
    );
  for (const l of r.locks ?? [])
    push(
      lines,
      `lock ${l.mode} on ${l.relation}${l.createdByMigration ? " (created here)" : ""}: blocks ${l.blocks}`,
      width,
      { tone: l.createdByMigration ? "muted" : "warn" },
    );
  for (const f of r.findings ?? [])
    push(lines, `${glyph.warn} [${f.rule}] line ${f.line}: ${f.message} (${f.doc})`, width, {
      tone: f.severity === "error" ? "bad" : "warn",
    });
  for (const n of r.notes) push(lines, `note: ${n}`, width, { tone: "muted" });
}

/** A dry run or an applied run, file by file. */
export function runLines(
  run: FolderRunResult,
  dry: boolean,
  pending: number,
  width: number,
): PaneLine[] {
  const lines: PaneLine[] = [];
  push(lines, run.message, width, { bold: true, tone: dry ? "accent" : "ok" });
  for (const r of run.results) resultLines(r, width, lines);
  lines.push({ text: "" });
  if (dry && run.results.length > 0)
    push(
      lines,
      `Nothing was kept. y applies ${pending} pending migration(s) for real; Esc cancels.`,
      width,
      { bold: true, tone: "warn" },
    );
  else push(lines, "Esc goes back to the status list.", width, { tone: "muted" });
  return lines;
}

/** One lint finding: rule id, where, the statement, what to read. */
export function findingLines(f: LintFinding | undefined, files: number, width: number): PaneLine[] {
  if (!f) return [{ text: `No findings in ${files} file(s).`, tone: "ok" }];
  const lines: PaneLine[] = [];
  push(lines, `${f.severity.toUpperCase()} [${f.rule}] ${f.message}`, width, {
    bold: true,
    tone: f.severity === "error" ? "bad" : "warn",
  });
  push(lines, `${f.file}:${f.line}`, width, { tone: "muted" });
  lines.push({ text: "" });
  push(lines, f.statement, width);
  lines.push({ text: "" });
  push(lines, `Rule: ${f.doc}`, width, { tone: "accent" });
  return lines;
}

export const findingLabel = (f: LintFinding) => `[${f.rule}] ${basename(f.file)}:${f.line}`;
