import type {
  AttachedIndex,
  ColumnInfo,
  ConstraintInfo,
  ConstraintType,
  IndexInfo,
} from "../model.js";

/**
 * Rows of the relation queries (relation-queries.ts) made into model parts. Those rows name a column by
 * its number (constraint and index keys); `ColumnNames` answers with the names the columns query returned.
 */
type Row = Record<string, unknown>;

const str = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : String(v);
const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === "string" ? (JSON.parse(v) as string[]) : [];

const CONSTRAINT_TYPES: Record<string, ConstraintType> = {
  p: "primary-key",
  u: "unique",
  f: "foreign-key",
  c: "check",
  x: "exclude",
};

/** System columns a constraint may name (a CHECK can read tableoid). */
const SYSTEM_COLUMNS: Record<string, string> = {
  "-1": "ctid",
  "-2": "xmin",
  "-3": "cmin",
  "-4": "xmax",
  "-5": "cmax",
  "-6": "tableoid",
};

/** Column names by relation oid and column number: as stored, and quoted as PostgreSQL quotes them. */
export interface ColumnName {
  name: string;
  quoted: string;
  /** Type and collation oids, as text. */
  type: string;
  collation: string;
}

export class ColumnNames {
  private readonly names = new Map<string, Map<string, ColumnName>>();
  private readonly signatures = new Map<string, string>();

  add(row: Row): void {
    const rel = String(row.rel);
    let columns = this.names.get(rel);
    if (!columns) {
      columns = new Map();
      this.names.set(rel, columns);
    }
    const name = String(row.name);
    columns.set(String(row.num), {
      name,
      quoted: row.quoted == null ? name : String(row.quoted),
      type: String(row.type_oid),
      collation: row.collation_oid == null ? "0" : String(row.collation_oid),
    });
  }

  /** Every column of a relation (number, name, type, collation) as one string; undefined if none was read. */
  signature(rel: unknown): string | undefined {
    const key = String(rel);
    let signature = this.signatures.get(key);
    if (signature === undefined) {
      const columns = this.names.get(key);
      if (!columns) return undefined;
      signature = "";
      for (const [num, c] of columns) signature += `${num}=${c.name}:${c.type}:${c.collation};`;
      this.signatures.set(key, signature);
    }
    return signature;
  }

  /** One column of a relation by number. */
  column(rel: unknown, num: string): ColumnName | undefined {
    return this.names.get(String(rel))?.get(num);
  }

  /** The names of an int2[] / int2vector given as text ("{1,2}" or "1 2"); unknown numbers are left out. */
  of(rel: unknown, keys: unknown, quoted: boolean): string[] {
    const columns = this.names.get(String(rel));
    const out: string[] = [];
    for (const num of numbers(keys)) {
      const column = columns?.get(num);
      if (column) out.push(quoted ? column.quoted : column.name);
      else if (!quoted && SYSTEM_COLUMNS[num]) out.push(SYSTEM_COLUMNS[num]);
    }
    return out;
  }
}

export function numbers(keys: unknown): string[] {
  if (Array.isArray(keys)) return keys.map(String);
  if (typeof keys !== "string") return [];
  const inner = keys.replace(/^\{|\}$/g, "").trim();
  return inner === "" ? [] : inner.split(/[\s,]+/);
}

/**
 * The columns query's rows (in no order) each with its identity sequence's options and its comment, and each
 * table's in column-number order: tables whose rows came out of order have theirs moved to the end, sorted.
 */
export function columnRows(columns: Row[], identities: Row[], comments: Row[]): Row[] {
  // By table and column number (numbers: no key string built per column).
  const details = new Map<number, Map<number, Row>>();
  const detail = (r: Row) => {
    let table = details.get(Number(r.rel));
    if (!table) {
      table = new Map();
      details.set(Number(r.rel), table);
    }
    let row = table.get(Number(r.num));
    if (!row) {
      row = {};
      table.set(Number(r.num), row);
    }
    return row;
  };
  for (const r of identities) detail(r).sequence = r.sequence;
  for (const r of comments) detail(r).comment = r.comment;
  const last = new Map<number, number>();
  const unordered = new Set<number>();
  for (const c of columns) {
    const rel = Number(c.rel);
    const num = Number(c.num);
    if (details.size > 0) {
      const extra = details.get(rel)?.get(num);
      if (extra) Object.assign(c, extra);
    }
    const before = last.get(rel);
    if (before !== undefined && num < before) unordered.add(rel);
    last.set(rel, num);
  }
  if (unordered.size === 0) return columns;
  const moved = columns
    .filter((c) => unordered.has(Number(c.rel)))
    .sort((a, b) => Number(a.num) - Number(b.num));
  return [...columns.filter((c) => !unordered.has(Number(c.rel))), ...moved];
}

export function toColumn(c: Row): ColumnInfo {
  // N: NOT NULL, I: inherited only, a/d: identity always/by default, s/v: generated stored/virtual.
  const flags = c.flags == null ? "" : String(c.flags);
  const generated = flags.includes("s") ? "s" : flags.includes("v") ? "v" : "";
  const identity = flags.includes("a") ? "always" : flags.includes("d") ? "by default" : undefined;
  const column: ColumnInfo = {
    name: String(c.name),
    type: String(c.type),
    notNull: flags.includes("N"),
    default: generated === "" ? str(c.expression) : undefined,
    identity,
    generated:
      generated === ""
        ? undefined
        : { expression: String(c.expression), stored: generated === "s" },
    collation: str(c.collation),
    comment: str(c.comment),
  };
  if (flags.includes("I")) column.inherited = true;
  if (identity && c.sequence) column.identityOptions = identityOptions(String(c.sequence));
  return column;
}

/** "start increment min max cache cycle" (cycle as t or f), as the columns query joins them. */
function identityOptions(sequence: string): NonNullable<ColumnInfo["identityOptions"]> {
  const [start = "", increment = "", min = "", max = "", cache = "", cycle = ""] =
    sequence.split(" ");
  return { start, increment, min, max, cache, cycle: cycle === "t" };
}

export function toConstraint(c: Row, names: ColumnNames): ConstraintInfo {
  return {
    name: String(c.name),
    type: CONSTRAINT_TYPES[String(c.type)] ?? "check",
    // pg_get_constraintdef() ends a NOT VALID one with "NOT VALID": that is `validated`.
    definition: String(c.definition).replace(/ NOT VALID$/, ""),
    columns: names.of(c.rel, c.keys, false),
    validated: Boolean(c.validated),
    references: str(c.refs),
    comment: str(c.comment),
    ...(c.attached ? { attached: attachedIndexes(c.attached) } : {}),
  };
}

function attachedIndexes(value: unknown): AttachedIndex[] {
  return json<Array<AttachedIndex & { constraint: AttachedIndex["constraint"] | null }>>(value).map(
    ({ constraint, ...i }) => (constraint ? { ...i, constraint } : i),
  );
}

export function toIndex(i: Row, names: ColumnNames): IndexInfo {
  // Plain columns come from their names; an index with an expression (or on a materialized view, whose
  // columns are not read) has them all from pg_get_indexdef.
  const columns = i.columns == null ? names.of(i.rel, i.keys, true) : list(i.columns);
  const keyCount = Number(i.key_count);
  return {
    name: String(i.name),
    definition: String(i.definition),
    method: String(i.method),
    unique: Boolean(i.is_unique),
    partial: Boolean(i.partial),
    columns: columns.slice(0, keyCount),
    include: columns.slice(keyCount),
    valid: Boolean(i.valid),
    comment: str(i.comment),
    ...(i.attached ? { attached: attachedIndexes(i.attached) } : {}),
  };
}
