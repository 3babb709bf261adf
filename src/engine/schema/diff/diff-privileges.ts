import type { DefaultPrivilegeInfo, PrivilegeInfo, SchemaModel } from "../model.js";
import { qualified, quoteIdent } from "../model.js";
import { PHASE, step } from "./change-builder.js";
import type { DiffContext } from "./diff-context.js";
import { indexBy, pairs } from "./diff-context.js";

/** "grantee=PRIV*" → grantee → privilege → grantable. */
function byGrantee(entries: string[]): Map<string, Map<string, boolean>> {
  const map = new Map<string, Map<string, boolean>>();
  for (const e of entries) {
    const at = e.lastIndexOf("=");
    const grantee = e.slice(0, at);
    const grantable = e.endsWith("*");
    const privilege = e.slice(at + 1, grantable ? -1 : undefined);
    const privileges = map.get(grantee) ?? new Map<string, boolean>();
    privileges.set(privilege, grantable);
    map.set(grantee, privileges);
  }
  return map;
}

/**
 * GRANT / REVOKE statements that turn the `from` grants into the `to` grants. `on` is the object clause
 * ("ON TABLE public.t", or "ON TABLES" after an ALTER DEFAULT PRIVILEGES prefix); with `column` (quoted),
 * each privilege is on that column: "SELECT (email)".
 */
export function grantStatements(
  prefix: string,
  on: string,
  from: string[],
  to: string[],
  column?: string,
): string[] {
  const a = byGrantee(from);
  const b = byGrantee(to);
  const out: string[] = [];
  const list = (privileges: string[]) =>
    privileges.map((p) => (column ? `${p} (${column})` : p)).join(", ");
  for (const grantee of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const had = a.get(grantee) ?? new Map<string, boolean>();
    const has = b.get(grantee) ?? new Map<string, boolean>();
    const revoke = [...had.keys()].filter((p) => !has.has(p)).sort();
    const revokeOption = [...had.keys()].filter((p) => had.get(p) && has.get(p) === false).sort();
    const grant = [...has.keys()].filter((p) => !has.get(p) && !had.has(p)).sort();
    const grantOption = [...has.keys()].filter((p) => has.get(p) && !had.get(p)).sort();
    if (revoke.length) out.push(`${prefix}REVOKE ${list(revoke)} ${on} FROM ${grantee}`);
    if (revokeOption.length)
      out.push(`${prefix}REVOKE GRANT OPTION FOR ${list(revokeOption)} ${on} FROM ${grantee}`);
    if (grant.length) out.push(`${prefix}GRANT ${list(grant)} ${on} TO ${grantee}`);
    if (grantOption.length)
      out.push(`${prefix}GRANT ${list(grantOption)} ${on} TO ${grantee} WITH GRANT OPTION`);
  }
  return out;
}

const KEYWORD: Record<PrivilegeInfo["kind"], string> = {
  table: "TABLE",
  sequence: "SEQUENCE",
  function: "FUNCTION",
  procedure: "PROCEDURE",
  type: "TYPE",
  schema: "SCHEMA",
  column: "TABLE",
};

/**
 * Whether the object a privilege entry names exists in `m` (a table's column: the table has it; a view's
 * columns are its own, views list none). Built on first use: most entries name tables, so the model's
 * columns are looked at only for column privileges, table by table.
 */
function objectExists(m: SchemaModel): (p: PrivilegeInfo) => boolean {
  let names: Set<string> | undefined;
  let views: Set<string> | undefined;
  let tables: Map<string, SchemaModel["tables"][number]> | undefined;
  const columns = new Map<string, Set<string>>();
  return (p) => {
    if (names === undefined) {
      names = new Set<string>();
      for (const s of m.schemas) names.add(quoteIdent(s.name));
      for (const list of [m.tables, m.views, m.sequences, m.enums, m.domains])
        for (const o of list) names.add(qualified(o.schema, o.name));
      for (const f of [...m.functions, ...(m.aggregates ?? [])])
        names.add(`${qualified(f.schema, f.name)}(${f.args})`);
    }
    if (p.kind !== "column" || p.column === undefined) return names.has(p.object);
    views ??= new Set(m.views.map((v) => qualified(v.schema, v.name)));
    if (views.has(p.object)) return names.has(p.object);
    tables ??= new Map(m.tables.map((t) => [qualified(t.schema, t.name), t]));
    const table = tables.get(p.object);
    if (!table) return false;
    let own = columns.get(p.object);
    if (!own) {
      own = new Set(table.columns.map((c) => c.name));
      columns.set(p.object, own);
    }
    return own.has(p.column);
  };
}

/**
 * Privileges on tables, views, sequences, functions, types, schemas and columns, and ALTER DEFAULT
 * PRIVILEGES. An object without an entry has its owner's default; a dropped object takes its grants with it,
 * and one created again (ctx.recreated) starts from its owner's default.
 */
export function diffPrivileges(ctx: DiffContext): void {
  // MAINTAIN exists from PostgreSQL 17: against an older server, it is neither read nor granted.
  const maintain =
    Math.min(ctx.from.serverVersion || 170000, ctx.to.serverVersion || 170000) >= 170000;
  const known = (entries: string[]) =>
    maintain ? entries : entries.filter((e) => !/=MAINTAIN\*?$/.test(e));
  const exists = objectExists(ctx.to);
  const existed = objectExists(ctx.from);
  // A table that was a view, or a view that was a table, is new too.
  const recreated = (name: string) =>
    ctx.recreated.has(name) || ctx.createdTables.has(name) || ctx.droppedTables.has(name);
  const key = (p: PrivilegeInfo) =>
    `${p.kind}:${p.object}${p.column === undefined ? "" : `:${p.column}`}`;
  for (const [, a, b] of pairs(
    indexBy(ctx.from.privileges ?? [], key),
    indexBy(ctx.to.privileges ?? [], key),
  )) {
    const p = (b ?? a) as PrivilegeInfo;
    if (!exists(p)) continue;
    // A new (or dropped and created again) object starts with its owner's default, like one whose ACL was
    // never touched.
    const kept = a && existed(a) && !recreated(p.object);
    const before = kept ? a.grants : (b ?? p).defaults;
    const after = b ? b.grants : p.defaults;
    const column = p.column === undefined ? undefined : quoteIdent(p.column);
    const sql = grantStatements(
      "",
      `ON ${KEYWORD[p.kind]} ${p.object}`,
      known(before),
      known(after),
      column,
    );
    if (sql.length === 0) continue;
    const name =
      (p.kind === "schema" ? p.object : p.object.slice(p.object.indexOf(".") + 1)) +
      (column === undefined ? "" : ` (${column})`);
    const d = ctx.set.add(
      "privilege",
      { schema: p.kind === "schema" ? p.object : (p.object.split(".")[0] ?? ""), name },
      "changed",
      { before: before.join(" "), after: after.join(" "), pairKey: `privilege:${key(p)}` },
    );
    for (const s of sql) step(d, PHASE.grant, s);
  }
  const schemas = new Set(ctx.to.schemas.map((s) => s.name));
  const dkey = (p: DefaultPrivilegeInfo) => `${p.role}:${p.schema ?? ""}:${p.objectType}`;
  for (const [, a, b] of pairs(
    indexBy(ctx.from.defaultPrivileges ?? [], dkey),
    indexBy(ctx.to.defaultPrivileges ?? [], dkey),
  )) {
    const p = (b ?? a) as DefaultPrivilegeInfo;
    if (p.schema && !schemas.has(p.schema)) continue;
    const prefix = `ALTER DEFAULT PRIVILEGES FOR ROLE ${p.role}${p.schema ? ` IN SCHEMA ${quoteIdent(p.schema)}` : ""} `;
    const before = a ? a.grants : p.defaults;
    const after = b ? b.grants : p.defaults;
    const sql = grantStatements(
      prefix,
      `ON ${p.objectType.toUpperCase()}`,
      known(before),
      known(after),
    );
    if (sql.length === 0) continue;
    const d = ctx.set.add(
      "default-privilege",
      { schema: p.schema ?? "", name: `${p.role} ${p.objectType}` },
      "changed",
      { before: before.join(" "), after: after.join(" "), pairKey: `default-privilege:${dkey(p)}` },
    );
    // A revoked default must not reach the objects this migration creates (or rebuilds); a new one only
    // reaches objects created after it, as in the target.
    for (const s of sql)
      step(d, /\sREVOKE\s/.test(s) ? PHASE.revokeDefaultPrivileges : PHASE.grant, s);
  }
}
