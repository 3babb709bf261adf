import type { Hazard, HazardKind, ObjectKind, SchemaChange } from "../plan-types.js";

/**
 * Where a statement runs in the migration. Lower first; stages become file sections:
 * 0 = concurrent index drops and new enum values (no transaction), 1 = main transaction, 2 = validation transaction,
 * 3 = concurrent index builds (no transaction), 4 = foreign keys that need those indexes (transaction).
 */
export const PHASE = {
  dropIndexConcurrently: 0,
  /** ALTER TYPE … ADD VALUE: committed before the main transaction, which may use the new value. */
  enumAddValue: 1,
  dropTrigger: 10,
  dropPolicy: 11,
  dropView: 12,
  dropForeignKey: 13,
  /** ALTER SEQUENCE … OWNED BY NONE: before the owning table is created again (a drop takes the sequence along). */
  releaseSequence: 13.2,
  /** A function tied to a table created again (its row type, or a SQL-standard body reading it): before it. */
  dropFunctionOnRebuiltTable: 13.4,
  /** A table created again (its kind or partitioning changed): after the views and foreign keys on it. */
  dropRebuiltTable: 13.5,
  dropConstraint: 14,
  dropIndex: 15,
  dropDefault: 16,
  /** ALTER DEFAULT PRIVILEGES … REVOKE: before anything is created, so new objects do not get the old defaults. */
  revokeDefaultPrivileges: 19,
  createSchema: 20,
  createExtension: 21,
  collation: 21.5,
  enumType: 22,
  domain: 23,
  sequence: 24,
  func: 25,
  /** After the functions it calls. */
  aggregate: 25.2,
  /** Domains whose CHECK calls a function of ours: after the functions. */
  domainAfterFunctions: 25.4,
  rename: 26,
  createTable: 27,
  /** A function tied to a table created again: made again once the table exists. */
  funcOnRebuiltTable: 27.5,
  addColumn: 28,
  alterColumn: 29,
  dropColumn: 30,
  dropTable: 31,
  /** Before the functions they use. */
  dropDomainUsingFunctions: 31.4,
  dropAggregate: 31.6,
  dropFunction: 32,
  dropSequence: 33,
  dropDomain: 34,
  dropCollation: 34.5,
  dropEnum: 35,
  dropExtension: 36,
  dropSchema: 37,
  setDefault: 40,
  addConstraint: 41,
  createIndex: 43,
  /** After the indexes: a foreign key may reference a unique index rather than a constraint. */
  addForeignKey: 43.5,
  createView: 44,
  viewIndex: 45,
  sequenceOwner: 46,
  trigger: 47,
  policy: 48,
  rowSecurity: 49,
  comment: 50,
  /** GRANT / REVOKE and ALTER DEFAULT PRIVILEGES: once every object exists. */
  grant: 52,
  validate: 60,
  setNotNull: 61,
  createIndexConcurrently: 70,
  /** REPLICA IDENTITY USING INDEX needs the index built (concurrently) first. */
  replicaIdentity: 71,
  /** Foreign keys to a unique index built concurrently above: a transaction after the builds. */
  addForeignKeyLate: 80,
  validateLate: 81,
} as const;

export function stageOf(phase: number): number {
  if (phase < 10) return 0;
  if (phase < 60) return 1;
  if (phase < 70) return 2;
  if (phase < 80) return 3;
  return 4;
}

export function transactionalPhase(phase: number): boolean {
  const stage = stageOf(phase);
  return stage === 1 || stage === 2 || stage === 4;
}

export interface Step {
  phase: number;
  /** Order inside the phase (dependency rank: parents before partitions, views in dependency order). */
  rank: number;
  sql: string;
  hazards: Hazard[];
}

export interface Draft {
  change: Omit<SchemaChange, "up" | "down">;
  steps: Step[];
  /** Key that pairs a forward change with its reverse (same for both directions). */
  pairKey: string;
}

export function hazard(kind: HazardKind, message: string): Hazard {
  return { kind, message };
}

/** Collects changes and their statements while a diff walks the two models. */
export class ChangeSet {
  readonly drafts: Draft[] = [];

  add(
    kind: ObjectKind,
    where: { schema: string; table?: string; name: string },
    change: SchemaChange["change"],
    text: { before?: string; after?: string; pairKey?: string } = {},
  ): Draft {
    const id = `${kind}:${[where.schema, where.table, where.name].filter((p) => p !== undefined).join(".")}`;
    const draft: Draft = {
      change: {
        id,
        kind,
        schema: where.schema,
        table: where.table,
        name: where.name,
        change,
        before: text.before,
        after: text.after,
      },
      steps: [],
      pairKey: text.pairKey ?? id,
    };
    this.drafts.push(draft);
    return draft;
  }
}

export function step(
  draft: Draft,
  phase: number,
  sql: string,
  hazards: Hazard[] = [],
  rank = 0,
): void {
  draft.steps.push({ phase, rank, sql, hazards });
}
