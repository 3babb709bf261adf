/**
 * CHECK constraints that JSON Schema can say too, read from pg_get_constraintdef text:
 *   CHECK ((qty > 0))                           → qty: exclusiveMinimum 0
 *   CHECK (((age >= 0) AND (age <= 150)))       → age: minimum 0, maximum 150
 *   CHECK ((char_length(name) >= 2))            → name: minLength 2
 *   CHECK ((status = ANY (ARRAY['a'::text, …]))) → status: enum
 * Anything else stays a database-side check (a violation becomes a 400 from the error mapper).
 */
export interface ExpressedChecks {
  /** Column → JSON Schema keywords to add. */
  keywords: Map<string, Record<string, unknown>>;
  /** Definitions (or parts) that could not be expressed. */
  unexpressed: string[];
}

const IDENT = '"?([A-Za-z_][A-Za-z0-9_$]*)"?';
const CAST = String.raw`(?:::[A-Za-z_." ]+(?:\[\])?)?`;
const NUMBER = String.raw`\(?(-?\d+(?:\.\d+)?)\)?${CAST}`;
const COMPARE = new RegExp(String.raw`^\(?${IDENT}\)?${CAST}\s*(>=|>|<=|<)\s*${NUMBER}$`);
const LENGTH = new RegExp(
  String.raw`^(?:char_length|character_length|length)\(\(?${IDENT}\)?${CAST}\)\s*(>=|>|<=|<)\s*${NUMBER}$`,
);
const ANY_ARRAY = new RegExp(String.raw`^\(?${IDENT}\)?${CAST}\s*=\s*ANY\s*\((.*)\)$`);

export function expressChecks(definitions: string[]): ExpressedChecks {
  const keywords = new Map<string, Record<string, unknown>>();
  const unexpressed: string[] = [];
  const add = (column: string, extra: Record<string, unknown>) => {
    keywords.set(column, { ...keywords.get(column), ...extra });
  };
  for (const definition of definitions) {
    const body = /^CHECK\s*\((.*)\)(\s+NOT VALID)?$/is.exec(definition.trim())?.[1];
    if (!body) {
      unexpressed.push(definition);
      continue;
    }
    for (const part of splitAnd(stripParens(body))) {
      const conjunct = stripParens(part);
      const compare = COMPARE.exec(conjunct);
      if (compare) {
        add(compare[1], bound(compare[2], Number(compare[3])));
        continue;
      }
      const length = LENGTH.exec(conjunct);
      if (length) {
        const n = Number(length[3]);
        const op = length[2];
        add(
          length[1],
          op.startsWith(">")
            ? { minLength: op === ">" ? n + 1 : n }
            : { maxLength: op === "<" ? n - 1 : n },
        );
        continue;
      }
      const any = ANY_ARRAY.exec(conjunct);
      const labels = any ? arrayLabels(any[2]) : undefined;
      if (any && labels) {
        add(any[1], { enum: labels });
        continue;
      }
      unexpressed.push(conjunct);
    }
  }
  return { keywords, unexpressed };
}

function bound(op: string, n: number): Record<string, number> {
  switch (op) {
    case ">=":
      return { minimum: n };
    case ">":
      return { exclusiveMinimum: n };
    case "<=":
      return { maximum: n };
    default:
      return { exclusiveMaximum: n };
  }
}

/** `ARRAY['a'::text, 'b'::text]` (possibly wrapped and cast) → ["a", "b"]. */
function arrayLabels(text: string): string[] | undefined {
  const inner = /ARRAY\[((?:'(?:[^']|'')*'|[^\]'])*)\]/s.exec(text)?.[1];
  if (inner === undefined) return undefined;
  const labels: string[] = [];
  const re = /'((?:[^']|'')*)'(?:::[A-Za-z_." ]+)?\s*(,|$)/gy;
  const items = inner.trim();
  let consumed = 0;
  re.lastIndex = 0;
  while (consumed < items.length) {
    const match = re.exec(items);
    if (!match) break;
    labels.push(match[1].replace(/''/g, "'"));
    consumed = re.lastIndex;
    while (items[consumed] === " ") consumed++;
    re.lastIndex = consumed;
  }
  return consumed >= items.length && labels.length > 0 ? labels : undefined;
}

/** Remove parentheses that wrap the whole expression. */
function stripParens(text: string): string {
  let t = text.trim();
  while (t.startsWith("(") && t.endsWith(")") && closingOf(t, 0) === t.length - 1) {
    t = t.slice(1, -1).trim();
  }
  return t;
}

function closingOf(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    if (quoted) continue;
    if (c === "(") depth++;
    if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Split on AND at nesting depth 0 (outside quotes). */
function splitAnd(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    if (quoted) continue;
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && text.startsWith(" AND ", i)) {
      parts.push(text.slice(start, i));
      start = i + 5;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
