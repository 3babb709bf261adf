/**
 * The USING expression of ALTER COLUMN … TYPE. `col::type` works whenever PostgreSQL has a cast (implicit,
 * assignment or explicit); between two built-in types with no cast at all it fails at plan time ("cannot
 * cast type bigint to timestamp without time zone"). There the conversion is either a known reading of the
 * values (integers as epoch milliseconds, as pg-schema-diff does) or their text form, and says so.
 * Types are format_type() text.
 */
export interface Conversion {
  /** The expression after USING. */
  sql: string;
  /** Set when no cast exists: how the values are read, for a hazard. */
  guess?: string;
}

const TEXTUAL = new Set(["text", "character varying", "character", '"char"', "name"]);
const NUMBERS = ["smallint", "integer", "bigint", "numeric", "real", "double precision"];
const INTEGERS = new Set(["smallint", "integer", "bigint"]);
const TIMESTAMP = "timestamp without time zone";
const TIMESTAMPTZ = "timestamp with time zone";

/** Built-in types whose casts are all listed below (besides the I/O casts to and from text). */
const KNOWN = new Set([
  ...NUMBERS,
  "money",
  "boolean",
  "date",
  "time without time zone",
  "time with time zone",
  TIMESTAMP,
  TIMESTAMPTZ,
  "interval",
  "json",
  "jsonb",
  "uuid",
  "bytea",
  "inet",
  "cidr",
  "macaddr",
  "bit",
  "bit varying",
  "xml",
  "oid",
]);

/** Casts between KNOWN types (pg_cast), "from>to". */
const CASTS = new Set([
  ...NUMBERS.flatMap((a) => NUMBERS.map((b) => `${a}>${b}`)),
  "integer>money",
  "bigint>money",
  "numeric>money",
  "money>numeric",
  "integer>boolean",
  "boolean>integer",
  `date>${TIMESTAMP}`,
  `date>${TIMESTAMPTZ}`,
  `${TIMESTAMP}>date`,
  `${TIMESTAMPTZ}>date`,
  `${TIMESTAMP}>${TIMESTAMPTZ}`,
  `${TIMESTAMPTZ}>${TIMESTAMP}`,
  `${TIMESTAMP}>time without time zone`,
  `${TIMESTAMPTZ}>time without time zone`,
  `${TIMESTAMPTZ}>time with time zone`,
  "time without time zone>time with time zone",
  "time with time zone>time without time zone",
  "time without time zone>interval",
  "interval>time without time zone",
  "json>jsonb",
  "jsonb>json",
  ...["boolean", ...NUMBERS].map((t) => `jsonb>${t}`),
  "inet>cidr",
  "cidr>inet",
  "bit>bit varying",
  "bit varying>bit",
  "integer>bit",
  "bigint>bit",
  "bit>integer",
  "bit>bigint",
  ...["smallint", "integer", "bigint"].flatMap((t) => [`${t}>oid`, `oid>${t}`]),
]);

/** "numeric(10,2)" → "numeric", "timestamp(3) without time zone" → "timestamp without time zone". */
function base(type: string): string {
  return type.replace(/\(\d+(,\d+)?\)/, "");
}

/** Is there no cast at all from one built-in type to the other? Unknown types (ours, arrays) are assumed castable. */
export function lacksCast(from: string, to: string): boolean {
  const a = base(from);
  const b = base(to);
  if (a === b || TEXTUAL.has(a) || TEXTUAL.has(b)) return false;
  return KNOWN.has(a) && KNOWN.has(b) && !CASTS.has(`${a}>${b}`);
}

export function conversion(col: string, from: string, to: string): Conversion {
  if (!lacksCast(from, to)) return { sql: `${col}::${to}` };
  const a = base(from);
  const b = base(to);
  if (INTEGERS.has(a) && (b === TIMESTAMP || b === TIMESTAMPTZ)) {
    const instant = `to_timestamp(${col} / 1000.0)`;
    return {
      sql: `(${b === TIMESTAMP ? `${instant} AT TIME ZONE 'UTC'` : instant})::${to}`,
      guess: `no cast from ${from} to ${to}: the values are read as milliseconds since 1970-01-01 UTC`,
    };
  }
  if ((a === TIMESTAMP || a === TIMESTAMPTZ) && INTEGERS.has(b)) {
    // extract(epoch) of a timestamp without time zone reads it as UTC: the reverse of the reading above.
    return {
      sql: `round(extract(epoch FROM ${col}) * 1000)::${to}`,
      guess: `no cast from ${from} to ${to}: the values become milliseconds since 1970-01-01 UTC`,
    };
  }
  return {
    sql: `${col}::text::${to}`,
    guess: `no cast from ${from} to ${to}: the values are converted through their text form; one that does not parse fails the migration`,
  };
}
