import type { SchemaModel } from "../model.js";
import type { PlannedStatement, SchemaChange } from "../plan-types.js";
import { ChangeSet, type Draft, stageOf, transactionalPhase } from "./change-builder.js";
import { diffAggregates } from "./diff-aggregates.js";
import { diffCollations } from "./diff-collations.js";
import type { DiffContext } from "./diff-context.js";
import { diffPrivileges } from "./diff-privileges.js";
import { diffTables } from "./diff-tables.js";
import {
  diffDomains,
  diffEnums,
  diffFunctions,
  diffSchemasAndExtensions,
  diffSequences,
} from "./diff-types-objects.js";
import { diffViews } from "./diff-views.js";
import {
  applyRenames,
  parseRename,
  type RenameCandidate,
  type RenameSpec,
  renameCandidates,
  reverseRenames,
} from "./renames.js";

export interface DiffOptions {
  /** Confirmed renames: `--rename` texts ("public.users=accounts", "users.mail=email") or parsed specs. */
  renames?: Array<string | RenameSpec>;
  /** When false (the default), destructive changes are listed in `refused`. */
  allowDestructive?: boolean;
}

export interface SchemaDiff {
  /** Every change, each with its up and down statements (in the order they run). */
  changes: SchemaChange[];
  /** Changes that lose data (dropped tables/columns, narrowing types). */
  destructive: SchemaChange[];
  /** Destructive changes not allowed by the options: the migration must not be written. */
  refused: SchemaChange[];
  /** Drop + add pairs that look like renames; confirm with the flag to keep the data. */
  renameCandidates: RenameCandidate[];
}

/**
 * Compare two schema models. Deterministic: the same models give the same changes in the same order.
 * Down statements are the reverse diff (to → from), paired to each change.
 */
export function diffSchemas(
  from: SchemaModel,
  to: SchemaModel,
  options: DiffOptions = {},
): SchemaDiff {
  const renames = (options.renames ?? []).map((r) =>
    typeof r === "string" ? parseRename(r, from) : r,
  );
  const forward = collect(from, to, renames);
  const backward = collect(to, from, reverseRenames(renames));
  const up = ordered(forward.drafts);
  const down = ordered(backward.drafts);
  const downByKey = new Map<string, PlannedStatement[]>();
  backward.drafts.forEach((d, i) => {
    downByKey.set(d.pairKey, [...(downByKey.get(d.pairKey) ?? []), ...(down[i] ?? [])]);
  });
  const forwardKeys = new Set(forward.drafts.map((d) => d.pairKey));
  // Reverse steps with no forward twin (a view rebuilt only on the way back, a kind that changed)
  // still belong to the down migration: they ride on the last change (statements run by their order).
  const orphans = backward.drafts.flatMap((d, i) =>
    forwardKeys.has(d.pairKey) ? [] : (down[i] ?? []),
  );
  const changes = forward.drafts.map((d, i): SchemaChange => {
    const upStatements = up[i] ?? [];
    const own = downByKey.get(d.pairKey) ?? [];
    const extra = i === forward.drafts.length - 1 ? orphans : [];
    return {
      ...d.change,
      up: upStatements,
      down: withDataNote(upStatements, [...own, ...extra]),
    };
  });
  const destructive = changes.filter((c) =>
    c.up.some((s) => s.hazards.some((h) => h.kind === "data-loss")),
  );
  return {
    changes,
    destructive,
    refused: options.allowDestructive ? [] : destructive,
    renameCandidates: renameCandidates(forward.renamed, to),
  };
}

function collect(from: SchemaModel, to: SchemaModel, renames: RenameSpec[]) {
  const set = new ChangeSet();
  const renamed = applyRenames(from, to, renames, set);
  const ctx: DiffContext = {
    set,
    from: renamed,
    to,
    createdTables: new Set(),
    droppedTables: new Set(),
    reshapedTables: new Set(),
    rekeyedTables: new Set(),
    lateKeyTables: new Set(),
    recreated: new Set(),
  };
  diffSchemasAndExtensions(ctx);
  diffCollations(ctx);
  diffEnums(ctx);
  diffDomains(ctx);
  diffSequences(ctx);
  diffFunctions(ctx);
  diffAggregates(ctx);
  diffTables(ctx);
  diffViews(ctx);
  diffPrivileges(ctx);
  return { drafts: set.drafts, renamed };
}

/** Sort every step of every draft by (phase, rank, draft, step) and hand each draft its statements. */
function ordered(drafts: Draft[]): PlannedStatement[][] {
  const all = drafts.flatMap((d, di) => d.steps.map((s, si) => ({ s, di, si })));
  all.sort((a, b) => a.s.phase - b.s.phase || a.s.rank - b.s.rank || a.di - b.di || a.si - b.si);
  const result: PlannedStatement[][] = drafts.map(() => []);
  all.forEach(({ s, di }, order) => {
    result[di]?.push({
      sql: s.sql,
      transactional: transactionalPhase(s.phase),
      hazards: s.hazards,
      order,
      stage: stageOf(s.phase),
    });
  });
  return result;
}

/** The marker of a down statement that loses data (read back by the migrator). */
export const DOWN_HAZARD = "-- hazard data-loss:";

/** Down statements that re-create what the up part dropped cannot bring the data back: say so in the file. */
function withDataNote(up: PlannedStatement[], downIn: PlannedStatement[]): PlannedStatement[] {
  // A down statement that itself loses data (the up part added a column, or values to an enum the down must
  // rebuild) is marked in the file: the migrator refuses such a down part without --allow-destructive.
  const down = downIn.map((s) => {
    const losses = s.hazards.filter((h) => h.kind === "data-loss");
    return losses.length === 0
      ? s
      : { ...s, sql: `${DOWN_HAZARD} ${losses.map((h) => h.message).join("; ")}\n${s.sql}` };
  });
  const lost = up.flatMap((s) => s.hazards.filter((h) => h.kind === "data-loss"));
  if (lost.length === 0 || down.length === 0) return down;
  const [first, ...rest] = down;
  if (!first) return down;
  const note = `-- data not restored: ${lost.map((h) => h.message).join("; ")}`;
  return [{ ...first, sql: `${note}\n${first.sql}` }, ...rest];
}
