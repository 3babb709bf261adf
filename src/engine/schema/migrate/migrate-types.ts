import type { LintFinding } from "../lint/lint-statements.js";
import type { CatalogChange } from "./catalog-state.js";
import type { LockTaken } from "./lock-report.js";

export interface MigrateOptions {
  file: string;
  direction: "up" | "down";
  dryRun: boolean;
  /** Run a part marked `-- hazard data-loss:` (generated downs that drop what the up part added). */
  allowDestructive?: boolean;
  /** How long to wait for another run's migration lock (and, in a dry run, for table locks). */
  lockTimeoutMs: number;
  signal?: AbortSignal;
  onEvent?: (event: MigrateEvent) => void;
}

export type MigrateEvent =
  | { type: "waiting-for-lock"; holderPid?: number }
  | { type: "lock-acquired"; waitedMs: number }
  | { type: "unit"; index: number; total: number; transactional: boolean; statements: number };

export interface UnitReport {
  transactional: boolean;
  /** "executed" (applied, or run and rolled back in a dry run), "skipped-dry-run" (outside a transaction),
   *  "already-done" (completed by an earlier, interrupted run). */
  outcome: "executed" | "skipped-dry-run" | "not-reached" | "already-done";
  reason?: string;
  statements: Array<{ line: number; sql: string }>;
}

export interface MigrateResult {
  name: string;
  file: string;
  checksum: string;
  direction: "up" | "down";
  dryRun: boolean;
  /**
   * applied: the migration ran and was recorded (or its record removed for --down);
   * dry-run: ran inside a transaction that was rolled back;
   * already-applied / not-applied: nothing to do.
   */
  status: "applied" | "dry-run" | "already-applied" | "not-applied";
  message: string;
  durationMs: number;
  /** The applied record, when one exists (for already-applied). */
  appliedAt?: string;
  units: UnitReport[];
  notes: string[];
  /** Dry run only: what the transactional part would change. */
  changes?: CatalogChange[];
  /** Dry run only: relation locks the transactional part took. */
  locks?: LockTaken[];
  /** Dry run only: hazard rule findings (the same as `db --lint`) for the direction rehearsed. */
  findings?: LintFinding[];
  /** Every connection shares one session (PGlite): the advisory lock cannot exclude other connections. */
  singleSession: boolean;
}
