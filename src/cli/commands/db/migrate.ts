import { type Command, InvalidArgumentError } from "commander";
import {
  lintFails,
  type MigrateEvent,
  type MigrateResult,
  runMigration,
} from "../../../engine/schema/index.js";
import { UserError } from "../../../engine/shared/index.js";
import type { CliContext } from "../../context.js";
import { EXIT, paint, writeJson, writeStatus, writeText } from "../../output.js";
import { lintFindingLines } from "./lint.js";
import { connectTarget } from "./target.js";

/** Flags of `db --migrate FILE [--dry-run] [--down] [--lock-timeout S]`. */
export interface DbMigrateFlags {
  connection?: string;
  migrate: string;
  dryRun?: boolean;
  /** `--down` (true) or `--down N`. */
  down?: boolean | number;
  lockTimeout?: number;
  json?: boolean;
  failOn?: "warning" | "error";
  allowDestructive?: boolean;
}

export function addMigrateOptions(cmd: Command): Command {
  return cmd
    .option(
      "--migrate <path>",
      "apply a migration file, or every pending file of a folder in name order (--down to roll back)",
    )
    .option(
      "--dry-run",
      "with --migrate: run inside a transaction that is rolled back, report changes and locks",
    )
    .option(
      "--down [count]",
      "with --migrate FILE: apply its down part; with --migrate DIR: roll back the last N applied (default 1)",
      count,
    )
    .option(
      "--status [dir]",
      "list applied, pending, partially applied and drifted migrations of a folder (default migrations)",
    )
    .option(
      "--lock-timeout <seconds>",
      "with --migrate: how long to wait for another run's migration lock (default 60)",
      seconds,
    );
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number ≥ 1");
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError("must be a number of seconds ≥ 0");
  return n;
}

/** `db --migrate`: exit 0 applied or nothing to do, 1 the migration failed, 2 bad input. */
export async function runMigrateMode(flags: DbMigrateFlags, ctx: CliContext): Promise<number> {
  if (typeof flags.down === "number" && flags.down !== 1) {
    throw new UserError(`--down ${flags.down} needs a migrations folder`, {
      hint: "with one file, --down applies its down part; pass the folder to roll back the last N",
    });
  }
  const db = await connectTarget(flags.connection, "--migrate");
  try {
    const result = await runMigration(db, {
      file: flags.migrate,
      direction: flags.down ? "down" : "up",
      dryRun: Boolean(flags.dryRun),
      allowDestructive: Boolean(flags.allowDestructive),
      lockTimeoutMs: (flags.lockTimeout ?? 60) * 1000,
      signal: ctx.signal,
      onEvent: flags.json ? undefined : statusLine,
    });
    const failed =
      flags.failOn !== undefined &&
      result.findings !== undefined &&
      lintFails({ findings: result.findings }, flags.failOn);
    if (flags.json) writeJson(flags.failOn ? { ...result, failOn: flags.failOn, failed } : result);
    else writeText(migrateReport(result));
    return failed ? EXIT.gateFailed : EXIT.ok;
  } finally {
    await db.close().catch(() => {});
  }
}

export function statusLine(event: MigrateEvent): void {
  if (event.type === "waiting-for-lock") {
    writeStatus(
      `waiting for another migration run${event.holderPid ? ` (backend pid ${event.holderPid})` : ""} to finish…`,
    );
  } else if (event.type === "lock-acquired" && event.waitedMs > 1000) {
    writeStatus(`migration lock acquired after ${(event.waitedMs / 1000).toFixed(1)} s`);
  }
}

const MARK = { created: "+", altered: "~", dropped: "-" } as const;

export function migrateReport(r: MigrateResult): string {
  const lines: string[] = [];
  const head =
    r.status === "applied" || r.status === "dry-run"
      ? `${r.message} (${formatMs(r.durationMs)})`
      : r.message;
  lines.push(paint(head, r.status === "dry-run" ? "cyan" : "green"));
  for (const [i, u] of r.units.entries()) {
    const where = u.transactional ? "in a transaction" : `outside a transaction (${u.reason})`;
    const outcome = u.outcome === "skipped-dry-run" ? " — not executed in a dry run" : "";
    if (r.status === "applied" || r.status === "dry-run") {
      lines.push(`  part ${i + 1}: ${u.statements.length} statement(s) ${where}${outcome}`);
    }
  }
  if (r.changes) {
    lines.push(
      r.changes.length
        ? "would change:"
        : "would change: nothing in the schema (data only, or no-op)",
    );
    for (const c of r.changes) {
      const detail = c.change === "altered" ? `: ${c.before} → ${c.after}` : "";
      lines.push(`  ${MARK[c.change]} ${c.kind} ${c.name}${detail}`);
    }
  }
  if (r.locks) {
    lines.push(r.locks.length ? "locks taken:" : "locks taken: none on existing tables");
    for (const l of r.locks) {
      const note = l.createdByMigration ? " (new object: blocks nobody)" : ` — blocks ${l.blocks}`;
      lines.push(`  ${l.mode.padEnd(25)} ${l.relation}${note}`);
    }
  }
  const skipped = r.units.filter((u) => u.outcome === "skipped-dry-run");
  if (skipped.length) {
    lines.push("would run outside a transaction (not executed by the dry run):");
    for (const u of skipped) {
      for (const s of u.statements)
        lines.push(`  line ${s.line}: ${s.sql.replace(/\s+/g, " ").slice(0, 110)}`);
    }
  }
  if (r.findings) {
    lines.push(
      r.findings.length ? "hazards (db --lint rules):" : "hazards (db --lint rules): none",
    );
    lines.push(...lintFindingLines(r.findings).map((l) => `  ${l}`));
  }
  for (const note of r.notes) lines.push(paint(`note: ${note}`, "dim"));
  return lines.join("\n");
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
