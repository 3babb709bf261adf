/** SQL pieces for generated code: identifiers are quoted here, values always travel as $n parameters. */

/** `users` → `"users"`, `we"ird` → `"we""ird"`. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualifiedName(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** A TypeScript string literal holding `text` (safe for any characters). */
export function tsString(text: string): string {
  // '"public"."users"' reads better than "\"public\".\"users\"".
  if (text.includes('"') && /^[^'\\\n\r\u2028\u2029]*$/.test(text)) return `'${text}'`;
  return JSON.stringify(text);
}

/** `input.body.email`, or `input.body["first name"]` when the key is not an identifier. */
export function access(object: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
    ? `${object}.${key}`
    : `${object}[${tsString(key)}]`;
}

/** Text placed inside a generated template literal, with `\`, backticks and `${` escaped. */
export function inTemplate(text: string): string {
  return text.replace(/[\\`]/g, "\\$&").replace(/\$\{/g, "\\${");
}
