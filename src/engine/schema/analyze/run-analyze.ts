import type { Db } from "../connection.js";
import { columnTypeCheck } from "./column-type-check.js";
import {
  type AnalyzeCheck,
  type AnalyzeContext,
  type AnalyzeThresholds,
  DEFAULT_THRESHOLDS,
  type Finding,
  guideLink,
  type Severity,
} from "./finding.js";
import { fkIndexCheck } from "./fk-index-check.js";
import { invalidIndexCheck } from "./invalid-index-check.js";
import { missingPkCheck } from "./missing-pk-check.js";
import { nPlusOneCheck } from "./n-plus-one-check.js";
import { notValidConstraintCheck } from "./not-valid-constraint-check.js";
import { redundantIndexCheck } from "./redundant-index-check.js";
import { seqScanCheck } from "./seq-scan-check.js";
import { sequenceOverflowCheck } from "./sequence-overflow-check.js";
import { statsSince, unusedIndexCheck } from "./unused-index-check.js";

/** Every check, in report order. */
export const ANALYZE_CHECKS: AnalyzeCheck[] = [
  invalidIndexCheck,
  fkIndexCheck,
  redundantIndexCheck,
  unusedIndexCheck,
  missingPkCheck,
  seqScanCheck,
  sequenceOverflowCheck,
  notValidConstraintCheck,
  columnTypeCheck,
  nPlusOneCheck,
];

export interface AnalyzeOptions {
  /** Only these schemas (default: every user schema). */
  schemas?: string[];
  excludeSchemas?: string[];
  thresholds?: Partial<AnalyzeThresholds>;
  /** Run only these check ids. */
  checks?: string[];
  /**
   * The database holds a schema loaded from a file (no workload): skip the checks that read usage
   * statistics, and say so in the result.
   */
  schemaOnly?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: AnalyzeEvent) => void;
}

/** Sent as each check starts. */
export type AnalyzeEvent = { type: "check"; check: string; index: number; total: number };

export interface AnalyzeResult {
  database: string;
  /** When the usage statistics the unused-index and seq-scan checks rely on start. */
  statsSince: string;
  /** The schema came from a file (embedded PGlite): no usage statistics, those checks skipped. */
  schemaOnly: boolean;
  counts: Record<Severity, number>;
  checks: Array<{ id: string; title: string; findings: number }>;
  /** Checks not run, with the reason (e.g. usage statistics on a schema loaded from a file). */
  skipped: Array<{ id: string; reason: string }>;
  findings: Finding[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export async function analyzeDatabase(
  db: Db,
  options: AnalyzeOptions = {},
): Promise<AnalyzeResult> {
  const memo = new Map<string, Promise<unknown>>();
  const ctx: AnalyzeContext = {
    db,
    thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds },
    schemaFilter: (column) => schemaFilter(column, options),
    memo: (key, load) => {
      if (!memo.has(key)) memo.set(key, load());
      return memo.get(key) as ReturnType<typeof load>;
    },
  };
  const wanted = options.checks
    ? ANALYZE_CHECKS.filter((c) => options.checks?.includes(c.id))
    : ANALYZE_CHECKS;
  const checks = wanted.filter((c) => !(options.schemaOnly && c.usesStatistics));
  const skipped = wanted
    .filter((c) => !checks.includes(c))
    .map((c) => ({
      id: c.id,
      reason: "needs the usage statistics of a live database; the schema was loaded from a file",
    }));
  const findings: Finding[] = [];
  const summary: AnalyzeResult["checks"] = [];
  for (const [index, check] of checks.entries()) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error("interrupted");
    options.onEvent?.({ type: "check", check: check.id, index, total: checks.length });
    let found: Finding[];
    try {
      found = await check.run(ctx);
    } catch (error) {
      found = [checkFailed(check, error)];
    }
    findings.push(...found);
    summary.push({ id: check.id, title: check.title, findings: found.length });
  }
  const order = new Map(checks.map((c, i) => [c.id, i]));
  findings.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (order.get(a.check) ?? 0) - (order.get(b.check) ?? 0) ||
      a.object.localeCompare(b.object),
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return {
    database: db.label,
    statsSince: await statsSince(db),
    schemaOnly: Boolean(options.schemaOnly),
    counts,
    checks: summary,
    skipped,
    findings,
  };
}

/** True when some finding is at or above `level` (for `--fail-on`). */
export function failsAt(result: AnalyzeResult, level: "warning" | "error"): boolean {
  return result.findings.some((f) => RANK[f.severity] <= RANK[level]);
}

function checkFailed(check: AnalyzeCheck, error: unknown): Finding {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  return {
    check: check.id,
    severity: "info",
    object: check.id,
    title: `check could not run: ${message}`,
    why: "this check needs catalog or statistics views the connected role may not be allowed to read",
    fix: "",
    guide: guideLink("the-checks"),
  };
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function schemaFilter(column: string, options: AnalyzeOptions): string {
  const parts = [
    `${column} NOT IN ('pg_catalog', 'information_schema', 'senior_backend')`,
    `${column} NOT LIKE 'pg\\_toast%'`,
    `${column} NOT LIKE 'pg\\_temp%'`,
  ];
  if (options.schemas?.length)
    parts.push(`${column} IN (${options.schemas.map(literal).join(", ")})`);
  if (options.excludeSchemas?.length) {
    parts.push(`${column} NOT IN (${options.excludeSchemas.map(literal).join(", ")})`);
  }
  return `(${parts.join(" AND ")})`;
}
