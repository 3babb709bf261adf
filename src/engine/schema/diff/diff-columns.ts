import type { ColumnInfo, TableInfo } from "../model.js";
import { qualified, quoteIdent } from "../model.js";
import { columnDefinition, commentOn, identityOptionsSql } from "../plan/ddl.js";
import { hazard, PHASE, step } from "./change-builder.js";
import { type DiffContext, indexBy, pairs, tableKey } from "./diff-context.js";
import { classifyTypeChange } from "./type-change.js";
import { conversion } from "./type-conversion.js";

/** Defaults PostgreSQL must compute per row (a constant or now() is stored once, with no rewrite). */
const VOLATILE =
  /\b(clock_timestamp|random|gen_random_uuid|uuid_generate_v\d\w*|nextval|timeofday)\s*\(/i;

/** Column changes of a table present on both sides. */
export function diffColumns(ctx: DiffContext, a: TableInfo, b: TableInfo): void {
  const table = qualified(b.schema, b.name);
  const where = (name: string) => ({ schema: b.schema, table: b.name, name });
  const primaryKeyColumns = new Set(
    b.constraints.filter((k) => k.type === "primary-key").flatMap((k) => k.columns),
  );
  for (const [, x, y] of pairs(
    indexBy(a.columns, (c) => c.name),
    indexBy(b.columns, (c) => c.name),
  )) {
    // Columns an INHERITS parent gives are added, changed and dropped through the parent.
    if ((x?.inherited || !x) && (y?.inherited || !y)) continue;
    if (x?.inherited && y) {
      // The parent drops it, the child keeps its own: add it back once the parent's drop has run.
      const d = ctx.set.add("column", where(y.name), "added", { after: columnDefinition(y) });
      step(d, PHASE.dropColumn + 0.5, `ALTER TABLE ${table} ADD COLUMN ${columnDefinition(y)}`);
      continue;
    }
    if (x && y?.inherited) {
      // The parent gains it: drop the child's own first so the child inherits the parent's definition.
      const d = ctx.set.add("column", where(x.name), "removed", { before: columnDefinition(x) });
      step(d, PHASE.addColumn - 0.5, `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(x.name)}`, [
        hazard("data-loss", `the values of ${b.name}.${x.name} are deleted`),
      ]);
      continue;
    }
    if (x && !y) {
      const d = ctx.set.add("column", where(x.name), "removed", { before: columnDefinition(x) });
      step(d, PHASE.dropColumn, `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(x.name)}`, [
        hazard("data-loss", `the values of ${b.name}.${x.name} are deleted`),
        hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${b.name} (brief)`),
      ]);
      ctx.reshapedTables.add(tableKey(b));
      continue;
    }
    if (!x && y) {
      const d = ctx.set.add("column", where(y.name), "added", { after: columnDefinition(y) });
      const hazards = [
        hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${b.name} (brief)`),
      ];
      if (y.notNull && y.default === undefined && !y.identity && !y.generated) {
        hazards.push(
          hazard("irreversible", `NOT NULL without a default fails if ${b.name} has rows`),
        );
      }
      if (y.generated?.stored || (y.default !== undefined && VOLATILE.test(y.default))) {
        hazards.push(hazard("table-rewrite", `filling ${b.name}.${y.name} may rewrite the table`));
      }
      step(d, PHASE.addColumn, `ALTER TABLE ${table} ADD COLUMN ${columnDefinition(y)}`, hazards);
      if (y.comment !== undefined) {
        step(d, PHASE.comment, commentOn(`COLUMN ${table}.${quoteIdent(y.name)}`, y.comment));
      }
      continue;
    }
    if (x && y) changedColumn(ctx, b, table, x, y, primaryKeyColumns.has(y.name));
  }
}

function changedColumn(
  ctx: DiffContext,
  b: TableInfo,
  table: string,
  x: ColumnInfo,
  y: ColumnInfo,
  inPrimaryKey: boolean,
): void {
  const col = quoteIdent(y.name);
  const alter = `ALTER TABLE ${table} ALTER COLUMN ${col}`;
  const lock = hazard("access-exclusive-lock", `ACCESS EXCLUSIVE lock on ${b.name}`);
  const sameShape =
    x.type === y.type &&
    x.collation === y.collation &&
    x.notNull === y.notNull &&
    x.default === y.default &&
    x.identity === y.identity &&
    JSON.stringify(x.identityOptions) === JSON.stringify(y.identityOptions) &&
    JSON.stringify(x.generated) === JSON.stringify(y.generated);
  if (sameShape && x.comment === y.comment) return;
  const where = { schema: b.schema, table: b.name, name: y.name };
  if (sameShape) {
    const d = ctx.set.add("comment", where, "changed", { before: x.comment, after: y.comment });
    step(d, PHASE.comment, commentOn(`COLUMN ${table}.${col}`, y.comment));
    return;
  }
  const d = ctx.set.add("column", where, "changed", {
    before: columnDefinition(x),
    after: columnDefinition(y),
  });
  if (JSON.stringify(x.generated) !== JSON.stringify(y.generated)) {
    // A generation expression cannot be altered on every supported version: drop it early (other columns
    // it reads may change type) and add it back after the column changes.
    step(d, PHASE.dropDefault, `ALTER TABLE ${table} DROP COLUMN ${col}`);
    step(d, PHASE.setDefault, `ALTER TABLE ${table} ADD COLUMN ${columnDefinition(y)}`, [
      hazard(
        x.generated ? "table-rewrite" : "data-loss",
        `${b.name}.${y.name} is dropped and added again`,
      ),
      lock,
    ]);
    ctx.reshapedTables.add(tableKey(b));
    if (y.comment !== undefined)
      step(d, PHASE.comment, commentOn(`COLUMN ${table}.${col}`, y.comment));
    return;
  }
  if (x.default !== undefined && x.default !== y.default)
    step(d, PHASE.dropDefault, `${alter} DROP DEFAULT`);
  if (x.type !== y.type || x.collation !== y.collation) {
    const kind = classifyTypeChange(x.type, y.type);
    const hazards = [lock];
    if (kind.rewrite)
      hazards.push(hazard("table-rewrite", `${b.name} is rewritten and its indexes rebuilt`));
    const collate = y.collation ? ` COLLATE ${y.collation}` : "";
    const using = viaText(ctx, x.type, y.type)
      ? { sql: `${col}::text::${y.type}`, guess: undefined }
      : conversion(col, x.type, y.type);
    // With no cast, the hazard says how the values are read instead.
    if (using.guess) hazards.push(hazard("data-loss", using.guess));
    else if (kind.narrowing) {
      hazards.push(
        hazard(
          "data-loss",
          `${x.type} → ${y.type} narrows: values that do not fit fail or are cut`,
        ),
      );
    }
    step(d, PHASE.alterColumn, `${alter} TYPE ${y.type}${collate} USING ${using.sql}`, hazards);
    ctx.reshapedTables.add(tableKey(b));
  }
  if (x.identity !== y.identity) {
    if (!y.identity) step(d, PHASE.alterColumn, `${alter} DROP IDENTITY`);
    else if (!x.identity) {
      if (!x.notNull) step(d, PHASE.alterColumn, `${alter} SET NOT NULL`, [lock]);
      step(
        d,
        PHASE.alterColumn,
        `${alter} ADD GENERATED ${y.identity.toUpperCase()} AS IDENTITY${y.identityOptions ? ` (${identityOptionsSql(y.identityOptions)})` : ""}`,
      );
    } else step(d, PHASE.alterColumn, `${alter} SET GENERATED ${y.identity.toUpperCase()}`);
  }
  if (
    x.identity &&
    y.identity &&
    y.identityOptions &&
    JSON.stringify(x.identityOptions) !== JSON.stringify(y.identityOptions)
  ) {
    const o = y.identityOptions;
    step(
      d,
      PHASE.alterColumn,
      `${alter} SET START WITH ${o.start} SET INCREMENT BY ${o.increment} SET MINVALUE ${o.min} SET MAXVALUE ${o.max} SET CACHE ${o.cache} SET${o.cycle ? "" : " NO"} CYCLE`,
    );
  }
  if (x.notNull && !y.notNull && !y.identity) step(d, PHASE.alterColumn, `${alter} DROP NOT NULL`);
  if (!x.notNull && y.notNull && !inPrimaryKey && !(y.identity && !x.identity)) {
    // SET NOT NULL scans the table under ACCESS EXCLUSIVE; a validated CHECK lets PostgreSQL skip the scan.
    const check = quoteIdent(`sb_nn_${b.name}_${y.name}`.slice(0, 63));
    step(
      d,
      PHASE.addConstraint,
      `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID`,
    );
    step(d, PHASE.validate, `ALTER TABLE ${table} VALIDATE CONSTRAINT ${check}`, [
      hazard("validation-scan", `scans ${b.name} without blocking writes`),
    ]);
    step(d, PHASE.setNotNull, `${alter} SET NOT NULL`);
    step(d, PHASE.setNotNull, `ALTER TABLE ${table} DROP CONSTRAINT ${check}`);
  }
  if (y.default !== undefined && x.default !== y.default) {
    step(d, PHASE.setDefault, `${alter} SET DEFAULT ${y.default}`);
  }
  if (x.comment !== y.comment)
    step(d, PHASE.comment, commentOn(`COLUMN ${table}.${col}`, y.comment));
}

/** Enums (and arrays of them) have no casts to other types except through text. */
function viaText(ctx: DiffContext, from: string, to: string): boolean {
  const enums = new Set(
    [...ctx.from.enums, ...ctx.to.enums].map((e) => qualified(e.schema, e.name)),
  );
  const isEnum = (t: string) => enums.has(t.replace(/\[\]$/, ""));
  return (isEnum(from) || isEnum(to)) && from !== "text" && to !== "text";
}
