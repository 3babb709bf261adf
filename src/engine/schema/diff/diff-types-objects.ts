import type { DomainInfo, EnumInfo, FunctionInfo, SchemaModel } from "../model.js";
import { qualified, quoteIdent, quoteLiteral } from "../model.js";
import {
  commentOn,
  createDomain,
  createEnum,
  createSequence,
  sequenceOptions,
} from "../plan/ddl.js";
import { type Draft, hazard, PHASE, step } from "./change-builder.js";
import { type DiffContext, indexBy, pairs, tableKey, viewsAndTables } from "./diff-context.js";
import { functionDepths, functionKey } from "./function-order.js";
import { rebuiltTables } from "./rebuilt-tables.js";

const key = (o: { schema: string; name: string }) => qualified(o.schema, o.name);

/** Schemas and extensions. */
export function diffSchemasAndExtensions(ctx: DiffContext): void {
  for (const [, a, b] of pairs(
    indexBy(ctx.from.schemas, (s) => s.name),
    indexBy(ctx.to.schemas, (s) => s.name),
  )) {
    const name = quoteIdent((a ?? b)?.name ?? "");
    const where = { schema: (a ?? b)?.name ?? "", name: (a ?? b)?.name ?? "" };
    if (a && !b)
      step(
        ctx.set.add("schema", where, "removed", { before: `CREATE SCHEMA ${name}` }),
        PHASE.dropSchema,
        `DROP SCHEMA ${name}`,
      );
    else if (!a && b) {
      const d = ctx.set.add("schema", where, "added", { after: `CREATE SCHEMA ${name}` });
      step(d, PHASE.createSchema, `CREATE SCHEMA ${name}`);
      if (b.comment !== undefined) step(d, PHASE.comment, commentOn(`SCHEMA ${name}`, b.comment));
    } else if (a && b && a.comment !== b.comment) {
      const d = ctx.set.add("comment", where, "changed", {
        before: a.comment,
        after: b.comment,
        pairKey: `comment:schema:${name}`,
      });
      step(d, PHASE.comment, commentOn(`SCHEMA ${name}`, b.comment));
    }
  }
  for (const [, a, b] of pairs(
    indexBy(ctx.from.extensions, (e) => e.name),
    indexBy(ctx.to.extensions, (e) => e.name),
  )) {
    const e = (b ?? a) as NonNullable<typeof a>;
    const where = { schema: e.schema, name: e.name };
    const create = `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e.name)} WITH SCHEMA ${quoteIdent(e.schema)}`;
    if (a && !b)
      step(
        ctx.set.add("extension", where, "removed", { before: create }),
        PHASE.dropExtension,
        `DROP EXTENSION ${quoteIdent(a.name)}`,
      );
    else if (!a && b)
      step(
        ctx.set.add("extension", where, "added", { after: create }),
        PHASE.createExtension,
        create,
      );
    else if (a && b && a.schema !== b.schema) {
      const d = ctx.set.add("extension", where, "changed", {
        before: `${a.name} in ${a.schema}`,
        after: `${b.name} in ${b.schema}`,
      });
      step(
        d,
        PHASE.createExtension,
        `ALTER EXTENSION ${quoteIdent(b.name)} SET SCHEMA ${quoteIdent(b.schema)}`,
      );
    }
  }
}

/** Enums: created, dropped, values added in place, or rebuilt when values are removed or reordered. */
export function diffEnums(ctx: DiffContext): void {
  for (const [, a, b] of pairs(indexBy(ctx.from.enums, key), indexBy(ctx.to.enums, key))) {
    if (a && !b) {
      step(
        ctx.set.add("enum", a, "removed", { before: createEnum(a) }),
        PHASE.dropEnum,
        `DROP TYPE ${key(a)}`,
      );
    } else if (!a && b) {
      const d = ctx.set.add("enum", b, "added", { after: createEnum(b) });
      step(d, PHASE.enumType, createEnum(b));
      if (b.comment !== undefined) step(d, PHASE.comment, commentOn(`TYPE ${key(b)}`, b.comment));
    } else if (
      a &&
      b &&
      (a.values.join("\u0000") !== b.values.join("\u0000") || a.comment !== b.comment)
    ) {
      const d = ctx.set.add("enum", b, "changed", { before: createEnum(a), after: createEnum(b) });
      // A rebuilt enum is a new type: its comment and privileges are given again.
      const rebuilt = !isInsertOnly(a.values, b.values);
      if (a.values.join("\u0000") !== b.values.join("\u0000")) {
        if (rebuilt) rebuildEnum(ctx, d, a, b);
        else addValues(d, a, b);
      }
      if (rebuilt) ctx.recreated.add(key(b));
      if (a.comment !== b.comment || (rebuilt && b.comment !== undefined))
        step(d, PHASE.comment, commentOn(`TYPE ${key(b)}`, b.comment));
    }
  }
}

function isInsertOnly(before: string[], after: string[]): boolean {
  let i = 0;
  for (const v of after) if (v === before[i]) i++;
  return i === before.length;
}

function addValues(d: Draft, a: EnumInfo, b: EnumInfo): void {
  const existing = new Set(a.values);
  b.values.forEach((v, i) => {
    if (existing.has(v)) return;
    const next = b.values.slice(i + 1).find((n) => existing.has(n));
    const position = next === undefined ? "" : ` BEFORE ${quoteLiteral(next)}`;
    step(
      d,
      PHASE.enumAddValue,
      `ALTER TYPE ${key(b)} ADD VALUE IF NOT EXISTS ${quoteLiteral(v)}${position}`,
    );
    existing.add(v);
  });
}

/** Values cannot be removed from an enum: rename it away, create the new one, convert the columns, drop the old. */
function rebuildEnum(ctx: DiffContext, d: Draft, a: EnumInfo, b: EnumInfo): void {
  const old = `${b.name}__old`.slice(0, 63);
  const typeName = key(b);
  step(d, PHASE.enumType, `ALTER TYPE ${typeName} RENAME TO ${quoteIdent(old)}`);
  step(d, PHASE.enumType, createEnum(b));
  const removed = a.values.filter((v) => !b.values.includes(v));
  for (const t of ctx.to.tables) {
    const before = ctx.from.tables.find((x) => x.schema === t.schema && x.name === t.name);
    for (const c of t.columns) {
      if (
        c.type !== typeName ||
        !before?.columns.some((x) => x.name === c.name && x.type === typeName)
      )
        continue;
      const alter = `ALTER TABLE ${qualified(t.schema, t.name)} ALTER COLUMN ${quoteIdent(c.name)}`;
      if (c.default !== undefined) step(d, PHASE.dropDefault, `${alter} DROP DEFAULT`);
      step(
        d,
        PHASE.alterColumn,
        `${alter} TYPE ${typeName} USING ${quoteIdent(c.name)}::text::${typeName}`,
        [
          hazard("table-rewrite", `${t.name} is rewritten`),
          ...(removed.length
            ? [
                hazard(
                  "data-loss",
                  `rows holding ${removed.map(quoteLiteral).join(", ")} make the conversion fail`,
                ),
              ]
            : []),
        ],
      );
      if (c.default !== undefined) step(d, PHASE.setDefault, `${alter} SET DEFAULT ${c.default}`);
      ctx.reshapedTables.add(tableKey(t));
    }
  }
  // Views that name the type (a cast, a constant) are rebuilt with it.
  ctx.reshapedTables.add(typeName);
  step(d, PHASE.dropEnum, `DROP TYPE ${qualified(b.schema, old)}`);
}

/** Qualified names of a model's functions as a CHECK prints a call: "public.is_even(". */
function functionCalls(m: SchemaModel): string[] {
  return [...new Set(m.functions.map((f) => `${key(f)}(`))];
}

const callsAny = (d: DomainInfo, calls: string[]) =>
  d.checks.some((c) => calls.some((call) => c.definition.includes(call)));

export function diffDomains(ctx: DiffContext): void {
  const fromCalls = functionCalls(ctx.from);
  const toCalls = functionCalls(ctx.to);
  for (const [, a, b] of pairs(indexBy(ctx.from.domains, key), indexBy(ctx.to.domains, key))) {
    // A domain whose CHECK calls one of our functions is created after them and dropped before them.
    const create = b && callsAny(b, toCalls) ? PHASE.domainAfterFunctions : PHASE.domain;
    if (a && !b)
      step(
        ctx.set.add("domain", a, "removed", { before: createDomain(a) }),
        callsAny(a, fromCalls) ? PHASE.dropDomainUsingFunctions : PHASE.dropDomain,
        `DROP DOMAIN ${key(a)}`,
      );
    else if (!a && b) {
      const d = ctx.set.add("domain", b, "added", { after: createDomain(b) });
      step(d, create, createDomain(b));
      if (b.comment !== undefined) step(d, PHASE.comment, commentOn(`DOMAIN ${key(b)}`, b.comment));
    } else if (a && b && JSON.stringify(a) !== JSON.stringify(b)) {
      const d = ctx.set.add("domain", b, "changed", {
        before: createDomain(a),
        after: createDomain(b),
      });
      const name = key(b);
      if (a.type !== b.type || a.collation !== b.collation) {
        step(d, PHASE.domain, `DROP DOMAIN ${name}`, [
          hazard("irreversible", "fails while columns use the domain"),
        ]);
        step(d, create, createDomain(b));
        // Created again: its comment and privileges are given again.
        if (b.comment !== undefined) step(d, PHASE.comment, commentOn(`DOMAIN ${name}`, b.comment));
        ctx.recreated.add(name);
        continue;
      }
      if (a.default !== b.default) {
        step(
          d,
          PHASE.domain,
          b.default === undefined
            ? `ALTER DOMAIN ${name} DROP DEFAULT`
            : `ALTER DOMAIN ${name} SET DEFAULT ${b.default}`,
        );
      }
      if (a.notNull !== b.notNull)
        step(d, PHASE.domain, `ALTER DOMAIN ${name} ${b.notNull ? "SET" : "DROP"} NOT NULL`);
      const checksA = indexBy(a.checks, (c) => c.name);
      const checksB = indexBy(b.checks, (c) => c.name);
      for (const [, x, y] of pairs(checksA, checksB)) {
        if (x && (!y || x.definition !== y.definition))
          step(d, PHASE.domain, `ALTER DOMAIN ${name} DROP CONSTRAINT ${quoteIdent(x.name)}`);
        if (y && (!x || x.definition !== y.definition)) {
          step(
            d,
            create,
            `ALTER DOMAIN ${name} ADD CONSTRAINT ${quoteIdent(y.name)} ${y.definition} NOT VALID`,
          );
          if (y.validated)
            step(
              d,
              PHASE.validate,
              `ALTER DOMAIN ${name} VALIDATE CONSTRAINT ${quoteIdent(y.name)}`,
              [hazard("validation-scan", "checks every column using the domain")],
            );
        }
      }
      if (a.comment !== b.comment) step(d, PHASE.comment, commentOn(`DOMAIN ${name}`, b.comment));
    }
  }
}

export function diffSequences(ctx: DiffContext): void {
  for (const [, a, b] of pairs(indexBy(ctx.from.sequences, key), indexBy(ctx.to.sequences, key))) {
    if (a && !b) {
      step(
        ctx.set.add("sequence", a, "removed", { before: createSequence(a) }),
        PHASE.dropSequence,
        `DROP SEQUENCE IF EXISTS ${key(a)}`,
      );
    } else if (!a && b) {
      const d = ctx.set.add("sequence", b, "added", { after: createSequence(b) });
      step(d, PHASE.sequence, createSequence(b));
      if (b.ownedBy) step(d, PHASE.sequenceOwner, `ALTER SEQUENCE ${key(b)} OWNED BY ${b.ownedBy}`);
    } else if (a && b && JSON.stringify(a) !== JSON.stringify(b)) {
      const d = ctx.set.add("sequence", b, "changed", {
        before: createSequence(a),
        after: createSequence(b),
      });
      const { ownedBy: ownerA, ...optionsA } = a;
      const { ownedBy: ownerB, ...optionsB } = b;
      if (JSON.stringify(optionsA) !== JSON.stringify(optionsB))
        step(d, PHASE.sequence, `ALTER SEQUENCE ${key(b)} ${sequenceOptions(b)}`);
      if (ownerA !== ownerB) {
        // Released before any table is dropped (dropping the owning table would take the sequence with it).
        if (ownerA) step(d, PHASE.dropDefault, `ALTER SEQUENCE ${key(b)} OWNED BY NONE`);
        if (ownerB) step(d, PHASE.sequenceOwner, `ALTER SEQUENCE ${key(b)} OWNED BY ${ownerB}`);
      }
    }
  }
}

export function diffFunctions(ctx: DiffContext): void {
  const fkey = functionKey;
  const same = (x: string, y: string) =>
    x.replace(/\s+/g, " ").trim() === y.replace(/\s+/g, " ").trim();
  const all = pairs(indexBy(ctx.from.functions, fkey), indexBy(ctx.to.functions, fkey));
  // Created (or replaced) after the functions they call; dropped before them.
  const made = functionDepths(
    all.flatMap(([, a, b]) => (b && (!a || !same(a.definition, b.definition)) ? [b] : [])),
  );
  const gone = functionDepths(all.flatMap(([, a, b]) => (a && !b ? [a] : [])));
  // Functions tied to a table that is created again (its row type in their arguments or result, or a
  // SQL-standard body reading it): PostgreSQL will not drop the table under them. Dropped before it, made
  // again after it, callers before callees on the way out.
  const rebuilt = rebuiltTables(viewsAndTables(ctx.from).tables, viewsAndTables(ctx.to).tables);
  const onRebuilt = (f: FunctionInfo | undefined) =>
    (f?.dependsOnTables ?? []).some((t) => rebuilt.has(t));
  const tied = functionDepths(
    all.flatMap(([, a, b]) => (a && b && (onRebuilt(a) || onRebuilt(b)) ? [b] : [])),
  );
  for (const [k, a, b] of all) {
    const rank = made.get(k) ?? 0;
    const f = (b ?? a) as NonNullable<typeof a>;
    const where = { schema: f.schema, name: `${f.name}(${f.args})` };
    const drop = `DROP ${f.kind === "procedure" ? "PROCEDURE" : "FUNCTION"} ${key(f)}(${f.args})`;
    const depth = tied.get(k);
    if (a && b && depth !== undefined) {
      const d = ctx.set.add("function", where, "changed", {
        before: a.definition,
        after: b.definition,
      });
      step(d, PHASE.dropFunctionOnRebuiltTable, drop, [], -depth);
      step(d, PHASE.funcOnRebuiltTable, b.definition, [], depth);
      if (b.comment !== undefined)
        step(
          d,
          PHASE.comment,
          commentOn(`${b.kind.toUpperCase()} ${key(b)}(${b.args})`, b.comment),
        );
      ctx.recreated.add(`${key(b)}(${b.args})`);
      continue;
    }
    if (a && !b)
      step(
        ctx.set.add("function", where, "removed", { before: a.definition }),
        PHASE.dropFunction,
        drop,
        [],
        -(gone.get(k) ?? 0),
      );
    else if (!a && b) {
      const d = ctx.set.add("function", where, "added", { after: b.definition });
      step(d, PHASE.func, b.definition, [], rank);
      if (b.comment !== undefined)
        step(
          d,
          PHASE.comment,
          commentOn(`${b.kind.toUpperCase()} ${key(b)}(${b.args})`, b.comment),
        );
    } else if (a && b && (!same(a.definition, b.definition) || a.comment !== b.comment)) {
      const d = ctx.set.add("function", where, "changed", {
        before: a.definition,
        after: b.definition,
      });
      // CREATE OR REPLACE cannot change the result type: the function is dropped and created again,
      // and its comment and privileges are given again.
      const dropped =
        !same(a.definition, b.definition) && (a.returns !== b.returns || a.kind !== b.kind);
      if (dropped) {
        step(
          d,
          PHASE.func,
          drop,
          [hazard("irreversible", "fails while other objects depend on it")],
          rank,
        );
        ctx.recreated.add(`${key(b)}(${b.args})`);
      }
      if (!same(a.definition, b.definition)) step(d, PHASE.func, b.definition, [], rank);
      if (a.comment !== b.comment || (dropped && b.comment !== undefined))
        step(
          d,
          PHASE.comment,
          commentOn(`${b.kind.toUpperCase()} ${key(b)}(${b.args})`, b.comment),
        );
    }
  }
}
