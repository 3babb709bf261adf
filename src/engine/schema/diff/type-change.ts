/**
 * Classify a column type change: does it rewrite the table, can it lose data (narrowing)?
 * Types are format_type() text, e.g. "character varying(40)", "numeric(10,2)", "integer".
 */
export interface TypeChange {
  /** The table is rewritten (and every index rebuilt) under an ACCESS EXCLUSIVE lock. */
  rewrite: boolean;
  /** Values may not fit the new type: data loss or a failed migration. */
  narrowing: boolean;
}

const INTEGER_WIDTH: Record<string, number> = { smallint: 2, integer: 4, bigint: 8 };
const TEXTUAL = /^(text|character varying(\(\d+\))?)$/;

function length(type: string): number | undefined {
  const m = /^character varying\((\d+)\)$/.exec(type);
  return m ? Number(m[1]) : undefined;
}

function numeric(type: string): { precision: number; scale: number } | undefined {
  const m = /^numeric\((\d+),(\d+)\)$/.exec(type);
  return m ? { precision: Number(m[1]), scale: Number(m[2]) } : undefined;
}

export function classifyTypeChange(from: string, to: string): TypeChange {
  if (from === to) return { rewrite: false, narrowing: false };
  if (to === "text" && !TEXTUAL.test(from)) return { rewrite: true, narrowing: false };
  if (TEXTUAL.test(from) && TEXTUAL.test(to)) {
    const a =
      from === "text" || from === "character varying"
        ? Number.POSITIVE_INFINITY
        : (length(from) ?? 0);
    const b =
      to === "text" || to === "character varying" ? Number.POSITIVE_INFINITY : (length(to) ?? 0);
    return { rewrite: false, narrowing: b < a };
  }
  const na = numeric(from);
  const nb = numeric(to);
  if ((na || from === "numeric") && (nb || to === "numeric")) {
    if (to === "numeric") return { rewrite: false, narrowing: false };
    if (!na || !nb) return { rewrite: true, narrowing: true };
    const widens = nb.scale === na.scale && nb.precision >= na.precision;
    return {
      rewrite: !widens,
      narrowing:
        !widens && (nb.precision - nb.scale < na.precision - na.scale || nb.scale < na.scale),
    };
  }
  const ia = INTEGER_WIDTH[from];
  const ib = INTEGER_WIDTH[to];
  if (ia && ib) return { rewrite: true, narrowing: ib < ia };
  if (from === "timestamp without time zone" && to === "timestamp with time zone") {
    return { rewrite: true, narrowing: false };
  }
  // Anything else converts through a cast that may fail or lose information.
  return { rewrite: true, narrowing: true };
}
