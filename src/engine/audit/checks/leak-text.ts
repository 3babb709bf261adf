/**
 * The readings of a response body that leak signatures are matched against: the raw text, the text
 * of an HTML page (tags dropped, entities decoded, `<br>` as a line break), and the string values of
 * a JSON document (so an escaped `"stack": "Error\n    at …"` reads like the stack it is).
 */
export function leakTexts(body: string): string[] {
  const texts = [body];
  if (/<[a-z!/][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+);/i.test(body)) texts.push(htmlText(body));
  const json = jsonText(body);
  if (json) texts.push(json);
  return texts;
}

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  "#39": "'",
};

function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(?:p|div|li|tr|h\d|pre|td|th)>/gi, "\n")
    .replace(/<[^<>]{0,2000}>/g, "")
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+\d*);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (ENTITIES[lower] !== undefined) return ENTITIES[lower]!;
      if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
      if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
      return whole;
    });
}

/** Every string (keys too, they can hold messages) of a JSON body, one per line; bounded in count. */
function jsonText(body: string): string | undefined {
  const trimmed = body.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0 && out.length < 5_000) {
    const v = stack.pop();
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") {
      for (const [k, child] of Object.entries(v)) {
        out.push(k);
        stack.push(child);
      }
    }
  }
  return out.join("\n");
}
