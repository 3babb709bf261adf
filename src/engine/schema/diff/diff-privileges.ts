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
 * ("ON TABLE public.t", or "ON TABLES" after an ALTER DEFAULT PRIVILEGES prefix).
 */
export function grantStatements(
  prefix: string,
  on: string,
  from: string[],
  to: string[],
): string[] {
  const a = byGrantee(from);
  const b = byGrantee(to);
  const out: string[] = [];
  for (const grantee of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const had = a.get(grantee) ?? new Map<string, boolean>();
    const has = b.get(grantee) ?? new Map<string, boolean>();
    const revoke = [...had.keys()].filter((p) => !has.has(p)).sort();
    const revokeOption = [...had.keys()].filter((p) => had.get(p) && has.get(p) === false).sort();
    const grant = [...has.keys()].filter((p) => !has.get(p) && !had.has(p)).sort();
    const grantOption = [...has.keys()].filter((p) => has.get(p) && !had.get(p)).sort();
    if (revoke.length) out.push(`${prefix}REVOKE ${revoke.join(", ")} ${on} FROM ${grantee}`);
    if (revokeOption.length)
      out.push(`${prefix}REVOKE GRANT OPTION FOR ${revokeOption.join(", ")} ${on} FROM ${grantee}`);
    if (grant.length) out.push(`${prefix}GRANT ${grant.join(", ")} ${on} TO ${grantee}`);
    if (grantOption.length)
      out.push(`${prefix}GRANT ${grantOption.join(", ")} ${on} TO ${grantee} WITH GRANT OPTION`);
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
};

/** Every object a privilege entry can name, as it names them. */
function objectNames(m: SchemaModel): Set<string> {
  const names = new Set<string>();
  for (const s of m.schemas) names.add(quoteIdent(s.name));
  for (const list of [m.tables, m.views, m.sequences, m.enums, m.domains])
    for (const o of list) names.add(qualified(o.schema, o.name));
  for (const f of [...m.functions, ...(m.aggregates ?? [])])
    names.add(`${qualified(f.schema, f.name)}(${f.args})`);
  return names;
}

/**
 * Privileges on tables, views, sequences, functions, types and schemas, and ALTER DEFAULT PRIVILEGES.
 * An object without an entry has its owner's default; a dropped object takes its grants with it.
 */
export function diffPrivileges(ctx: DiffContext): void {
  // MAINTAIN exists from PostgreSQL 17: against an older server, it is neither read nor granted.
  const maintain =
    Math.min(ctx.from.serverVersion || 170000, ctx.to.serverVersion || 170000) >= 170000;
  const known = (entries: string[]) =>
    maintain ? entries : entries.filter((e) => !/=MAINTAIN\*?$/.test(e));
  const exists = objectNames(ctx.to);
  const existed = objectNames(ctx.from);
  const key = (p: PrivilegeInfo) => `${p.kind}:${p.object}`;
  for (const [, a, b] of pairs(
    indexBy(ctx.from.privileges ?? [], key),
    indexBy(ctx.to.privileges ?? [], key),
  )) {
    const p = (b ?? a) as PrivilegeInfo;
    if (!exists.has(p.object)) continue;
    // A new (or dropped and created again) object starts with its owner's default, like one whose ACL was
    // never touched.
    const fresh = !existed.has(p.object) || (p.kind === "table" && ctx.recreated.has(p.object));
    const before = a && !fresh ? a.grants : (b ?? p).defaults;
    const after = b ? b.grants : p.defaults;
    const sql = grantStatements(
      "",
      `ON ${KEYWORD[p.kind]} ${p.object}`,
      known(before),
      known(after),
    );
    if (sql.length === 0) continue;
    const name = p.kind === "schema" ? p.object : p.object.slice(p.object.indexOf(".") + 1);
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
