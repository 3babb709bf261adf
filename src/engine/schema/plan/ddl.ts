import type {
  ColumnInfo,
  DomainInfo,
  EnumInfo,
  PolicyInfo,
  SequenceInfo,
  TableInfo,
  ViewInfo,
} from "../model.js";
import { qualified, quoteIdent, quoteLiteral } from "../model.js";

/** DDL text for model objects: what CREATE statements and the before/after definitions show. */

export function columnDefinition(c: ColumnInfo): string {
  const parts = [quoteIdent(c.name), c.type];
  if (c.collation) parts.push(`COLLATE ${c.collation}`);
  if (c.generated) {
    parts.push(
      `GENERATED ALWAYS AS (${c.generated.expression})${c.generated.stored ? " STORED" : " VIRTUAL"}`,
    );
  }
  if (c.identity)
    parts.push(
      `GENERATED ${c.identity.toUpperCase()} AS IDENTITY${c.identityOptions ? ` (${identityOptionsSql(c.identityOptions)})` : ""}`,
    );
  if (c.default !== undefined) parts.push(`DEFAULT ${c.default}`);
  if (c.notNull) parts.push("NOT NULL");
  return parts.join(" ");
}

export function createTable(t: TableInfo): string {
  const name = qualified(t.schema, t.name);
  const unlogged = t.unlogged ? "UNLOGGED " : "";
  if (t.partitionOf) {
    return `CREATE ${unlogged}TABLE ${name} PARTITION OF ${t.partitionOf.parent} ${t.partitionOf.bound}`;
  }
  const columns = t.columns
    .filter((c) => !c.inherited)
    .map((c) => `  ${columnDefinition(c)}`)
    .join(",\n");
  const partition = t.partitionKey ? ` PARTITION BY ${t.partitionKey}` : "";
  const inherits = t.inherits?.length ? ` INHERITS (${t.inherits.join(", ")})` : "";
  return `CREATE ${unlogged}TABLE ${name} (\n${columns}\n)${inherits}${partition}`;
}

/** The whole table as text (columns, constraints, indexes, triggers, policies) for before/after views. */
export function describeTable(t: TableInfo): string {
  const lines = [createTable(t)];
  for (const k of t.constraints)
    lines.push(
      `CONSTRAINT ${quoteIdent(k.name)} ${k.definition}${k.validated ? "" : " NOT VALID"}`,
    );
  for (const i of t.indexes) lines.push(i.definition);
  for (const tr of t.triggers) lines.push(tr.definition);
  for (const p of t.policies) lines.push(createPolicy(t, p));
  if (t.rlsEnabled) lines.push("ROW LEVEL SECURITY ENABLED");
  if (t.rlsForced) lines.push("ROW LEVEL SECURITY FORCED");
  if (t.comment) lines.push(`COMMENT ${quoteLiteral(t.comment)}`);
  return lines.join("\n");
}

export function createEnum(e: EnumInfo): string {
  return `CREATE TYPE ${qualified(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(", ")})`;
}

export function createDomain(d: DomainInfo): string {
  const parts = [`CREATE DOMAIN ${qualified(d.schema, d.name)} AS ${d.type}`];
  if (d.collation) parts.push(`COLLATE ${d.collation}`);
  if (d.default !== undefined) parts.push(`DEFAULT ${d.default}`);
  if (d.notNull) parts.push("NOT NULL");
  for (const c of d.checks) parts.push(`CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
  return parts.join(" ");
}

export function sequenceOptions(s: SequenceInfo): string {
  return [
    `AS ${s.type}`,
    `INCREMENT BY ${s.increment}`,
    `MINVALUE ${s.min}`,
    `MAXVALUE ${s.max}`,
    `START WITH ${s.start}`,
    `CACHE ${s.cache}`,
    s.cycle ? "CYCLE" : "NO CYCLE",
  ].join(" ");
}

export function createSequence(s: SequenceInfo): string {
  return `CREATE SEQUENCE ${qualified(s.schema, s.name)} ${sequenceOptions(s)}`;
}

export function createView(v: ViewInfo): string {
  const name = qualified(v.schema, v.name);
  const body = v.definition.replace(/;\s*$/, "");
  if (v.materialized) {
    const options = v.options.length ? ` WITH (${v.options.join(", ")})` : "";
    return `CREATE MATERIALIZED VIEW ${name}${options} AS\n${body}\nWITH DATA`;
  }
  const options = v.options.length ? ` WITH (${v.options.join(", ")})` : "";
  return `CREATE VIEW ${name}${options} AS\n${body}`;
}

export function createPolicy(t: { schema: string; name: string }, p: PolicyInfo): string {
  const parts = [
    `CREATE POLICY ${quoteIdent(p.name)} ON ${qualified(t.schema, t.name)}`,
    `AS ${p.permissive ? "PERMISSIVE" : "RESTRICTIVE"}`,
    `FOR ${p.command}`,
    `TO ${p.roles.map((r) => (r === "public" ? "PUBLIC" : quoteIdent(r))).join(", ")}`,
  ];
  if (p.using !== undefined) parts.push(`USING (${p.using})`);
  if (p.check !== undefined) parts.push(`WITH CHECK (${p.check})`);
  return parts.join(" ");
}

/** CREATE INDEX … → CREATE INDEX CONCURRENTLY … (pg_get_indexdef output). */
export function concurrently(indexDefinition: string): string {
  return indexDefinition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX CONCURRENTLY ");
}

export function commentOn(target: string, comment: string | undefined): string {
  return `COMMENT ON ${target} IS ${comment === undefined ? "NULL" : quoteLiteral(comment)}`;
}

/** Compare SQL text ignoring whitespace differences between server versions. */
export function sameSql(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

/** Sequence options of an identity column, as written in `AS IDENTITY (…)`. */
export function identityOptionsSql(o: NonNullable<ColumnInfo["identityOptions"]>): string {
  return `START WITH ${o.start} INCREMENT BY ${o.increment} MINVALUE ${o.min} MAXVALUE ${o.max} CACHE ${o.cache}${o.cycle ? " CYCLE" : " NO CYCLE"}`;
}
