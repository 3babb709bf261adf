/**
 * Turn stripe/pg-schema-diff's acceptance cases into a round-trip corpus.
 *
 *   tsx scripts/extract-pg-schema-diff.ts SRC_DIR OUT_DIR
 *
 * SRC_DIR holds their `*_cases_test.go` files (internal/migration_acceptance_tests); every test case literal with
 * `oldSchemaDDL`/`newSchemaDDL` string lists becomes OUT_DIR/<file>__<nnn>_<name>/{a.sql,b.sql,case.json}.
 * case.json says what the case needs that a plain round trip does not give it (roles, an expected plan error,
 * plan options). The Go files are only read as text: a small tokenizer for strings, comments and braces.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";

type Token =
  | { kind: "string"; value: string }
  | { kind: "punct"; value: string }
  | { kind: "word"; value: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? "";
    if (/\s/.test(c)) i++;
    else if (src.startsWith("//", i))
      i = src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
    else if (src.startsWith("/*", i)) i = src.indexOf("*/", i + 2) + 2;
    else if (c === "`") {
      const end = src.indexOf("`", i + 1);
      tokens.push({ kind: "string", value: src.slice(i + 1, end).replace(/\r/g, "") });
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let value = "";
      while (j < src.length && src[j] !== '"') {
        if (src[j] === "\\") {
          const e = src[j + 1];
          value += e === "n" ? "\n" : e === "t" ? "\t" : (e ?? "");
          j += 2;
        } else value += src[j++];
      }
      tokens.push({ kind: "string", value });
      i = j + 1;
    } else if (/[A-Za-z_0-9.]/.test(c)) {
      let j = i;
      while (j < src.length && /[A-Za-z_0-9.]/.test(src[j] ?? "")) j++;
      tokens.push({ kind: "word", value: src.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: "punct", value: c });
      i++;
    }
  }
  return tokens;
}

interface GoCase {
  name: string;
  old?: string[];
  new?: string[];
  roles: string[];
  fields: string[];
  unreadable?: string;
}

/** Read `key: value` pairs of one case literal (tokens between its braces, depth 0 inside). */
function readCase(tokens: Token[]): GoCase {
  const c: GoCase = { name: "", roles: [], fields: [] };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t?.kind === "word" && next?.value === ":") {
      const key = t.value;
      c.fields.push(key);
      i += 2;
      const start = i;
      let depth = 0;
      while (i < tokens.length) {
        const v = tokens[i]?.value;
        if (v === "{" || v === "(") depth++;
        else if (v === "}" || v === ")") depth--;
        else if (v === "," && depth === 0) break;
        i++;
      }
      const value = tokens.slice(start, i);
      if (key === "name") c.name = value.map((x) => x.value).join("");
      if (key === "oldSchemaDDL" || key === "newSchemaDDL" || key === "roles") {
        const list = stringList(value);
        if (list === undefined) c.unreadable = `${key} is not a list of string literals`;
        else if (key === "oldSchemaDDL") c.old = list;
        else if (key === "newSchemaDDL") c.new = list;
        else c.roles = list;
      }
    }
    i++;
  }
  return c;
}

/** `[]string{ "a", `b`, }` or `nil` → strings; anything else (a variable, a call) → undefined. */
function stringList(value: Token[]): string[] | undefined {
  if (value.length === 1 && value[0]?.value === "nil") return [];
  const open = value.findIndex((t) => t.value === "{");
  if (open < 0 || value[0]?.value !== "[") return undefined;
  const inner = value.slice(open + 1, -1).filter((t) => t.value !== ",");
  if (inner.some((t) => t.kind !== "string")) return undefined;
  return inner.map((t) => t.value);
}

/** Every `{ … }` literal directly inside `[]acceptanceTestCase{ … }`. */
function casesOf(tokens: Token[]): GoCase[] {
  const cases: GoCase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.value !== "acceptanceTestCase" || tokens[i + 1]?.value !== "{") continue;
    let depth = 0;
    let start = -1;
    for (let j = i + 1; j < tokens.length; j++) {
      const v = tokens[j]?.value;
      if (v === "{") {
        depth++;
        if (depth === 2) start = j + 1;
      } else if (v === "}") {
        if (depth === 2) cases.push(readCase(tokens.slice(start, j)));
        depth--;
        if (depth === 0) {
          i = j;
          break;
        }
      }
    }
  }
  return cases;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 60);

async function main(): Promise<number> {
  const [src, out] = process.argv.slice(2);
  if (!src || !out) {
    process.stderr.write(
      "error: give the folder of *_cases_test.go files and an output folder\nhint: tsx scripts/extract-pg-schema-diff.ts SRC_DIR /work/corpora/pg-schema-diff\n",
    );
    return 2;
  }
  const files = (await readdir(src).catch(() => [] as string[]))
    .filter((f) => f.endsWith("_cases_test.go"))
    .sort();
  if (files.length === 0) {
    process.stderr.write(`error: ${src}: no *_cases_test.go files\n`);
    return 2;
  }
  await rm(out, { recursive: true, force: true });
  let written = 0;
  const skipped: string[] = [];
  for (const file of files) {
    const stem = basename(file, "_cases_test.go");
    const cases = casesOf(tokenize(await readFile(join(src, file), "utf8")));
    for (const [n, c] of cases.entries()) {
      const id = `${stem}__${String(n + 1).padStart(3, "0")}_${slug(c.name)}`;
      if (c.unreadable || (!c.old && !c.new)) {
        skipped.push(`${id}: ${c.unreadable ?? "no oldSchemaDDL/newSchemaDDL"}`);
        continue;
      }
      // A missing list is an empty schema (their "add …" cases start from nothing).
      c.old ??= [];
      c.new ??= [];
      const dir = join(out, id);
      await mkdir(dir, { recursive: true });
      const sql = (parts: string[]) =>
        `${parts
          .map((p) => p.trim())
          .filter((p) => p !== "")
          .map((p) => p.replace(/;?$/, ";"))
          .join("\n\n")}\n`;
      await writeFile(join(dir, "a.sql"), sql(c.old));
      await writeFile(join(dir, "b.sql"), sql(c.new));
      const needs = {
        name: c.name,
        source: `${file} case ${n + 1}`,
        roles: c.roles,
        expectsPlanError: c.fields.some((f) => f.startsWith("expectedPlanError")),
        planOptions: c.fields.includes("planOpts") || c.fields.includes("planFactory"),
      };
      await writeFile(join(dir, "case.json"), `${JSON.stringify(needs, null, 2)}\n`);
      written++;
    }
  }
  process.stdout.write(`${written} cases written to ${out}; ${skipped.length} not extractable\n`);
  for (const s of skipped) process.stdout.write(`  skipped ${s}\n`);
  return 0;
}

process.exitCode = await main();
