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

/** Reading catalog values (the server gives strings, numbers, booleans or parsed JSON; PGlite the same). */
export const str = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : String(v);
export const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
/** A boolean, as a value or as PostgreSQL's text form. */
export const yes = (v: unknown): boolean => v === true || v === "t";
export const list = (v: unknown): string[] =>
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
      // In column order, whatever order the rows came in (sorted only when they came out of order).
      let nums = [...columns.keys()];
      if (nums.some((num, i) => i > 0 && Number(num) < Number(nums[i - 1])))
        nums = nums.sort((a, b) => Number(a) - Number(b));
      for (const num of nums) {
        const c = columns.get(num) as ColumnName;
        signature += `${num}=${c.name}:${c.type}:${c.collation};`;
      }
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
