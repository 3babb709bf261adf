import { basename, extname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UserError } from "../shared/index.js";
import { type JsonSchema, SCHEMA_REF_PREFIX } from "./api-model.js";
import { pascalCase, uniqueName } from "./identifiers.js";
import {
  normalizeSchemaNode,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
} from "./schema-normalize.js";
import type { SpecFiles } from "./spec-files.js";
import { displayPath } from "./spec-files.js";
import { escapePointer, type SpecProblem } from "./spec-validation.js";
import type { OpenApiLine } from "./spec-version.js";

/** A place in the spec: a file and a JSON pointer inside it. */
export interface Location {
  file: string;
  pointer: string;
}

type Obj = { [key: string]: unknown };

const isObject = (value: unknown): value is Obj =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const child = (at: Location, ...tokens: string[]): Location => ({
  file: at.file,
  pointer: `${at.pointer}${tokens.map((t) => `/${escapePointer(t)}`).join("")}`,
});

export function located(at: Location, message: string, hint?: string): UserError {
  return new UserError(`${displayPath(at.file)}#${at.pointer}: ${message}`, hint ? { hint } : {});
}

/**
 * Follows `$ref`s across the spec's files and collects every referenced schema as a named
 * schema, so circular and shared schemas become named types instead of being inlined.
 */
export class SpecRefs {
  readonly schemas: Record<string, JsonSchema> = {};
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly urlRefs = new Set<string>();
  /** Things the model reads leniently (a $ref to a URL), for the loader's warnings. */
  readonly problems: SpecProblem[] = [];

  constructor(
    private readonly spec: SpecFiles,
    private readonly line: OpenApiLine,
  ) {}

  /** Resolve a `$ref` found at `at`; follows chains of refs. */
  resolve(ref: string, at: Location, depth = 0): { value: unknown; at: Location } {
    // A chain of references that never reaches a value (A → B → A) means "anything".
    if (depth > 50) return { value: {}, at };
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? "" : decodeURIComponent(ref.slice(hash + 1));
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) && !filePart.startsWith("file:")) {
      if (!this.urlRefs.has(ref)) {
        this.urlRefs.add(ref);
        this.problems.push({
          pointer: at.pointer,
          message: `$ref "${ref}" points at a URL, which is not fetched; read as any value (download it next to the spec to use it)`,
        });
      }
      return { value: {}, at };
    }
    const file = filePart ? fileURLToPath(new URL(filePart, pathToFileURL(at.file))) : at.file;
    const doc = this.spec.files.get(resolve(file));
    if (doc === undefined)
      throw located(at, `$ref "${ref}": file ${displayPath(file)} was not loaded`);
    let value: unknown = doc;
    for (const raw of pointer.split("/").slice(1)) {
      const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isObject(value) && !Array.isArray(value)) value = undefined;
      else value = (value as Obj)[token];
      if (value === undefined) {
        throw located(
          at,
          `$ref "${ref}" points at nothing ("${token}" not found in ${displayPath(file)})`,
          "fix the $ref or add the missing definition",
        );
      }
    }
    const target = { file: resolve(file), pointer };
    if (isObject(value) && typeof value.$ref === "string")
      return this.resolve(value.$ref, target, depth + 1);
    return { value, at: target };
  }

  /** A spec object that may be a Reference Object: its resolved value and location. */
  deref(value: unknown, at: Location): { value: unknown; at: Location } {
    if (isObject(value) && typeof value.$ref === "string") return this.resolve(value.$ref, at);
    return { value, at };
  }

  /** Register the root's `components.schemas` first so they keep their names exactly. */
  registerComponents(components: unknown, root: string): void {
    if (!isObject(components) || !isObject(components.schemas)) return;
    for (const name of Object.keys(components.schemas)) {
      this.nameFor({ file: root, pointer: `/components/schemas/${escapePointer(name)}` }, name);
    }
    for (const name of Object.keys(components.schemas)) {
      const at = { file: root, pointer: `/components/schemas/${escapePointer(name)}` };
      this.schemas[this.names.get(key(at))!] = this.schema(components.schemas[name], at);
    }
  }

  /**
   * Named schemas that are only a `$ref` to each other in a loop (A → B → A) never reach a schema:
   * they mean "anything" (`{}`), which validators and TypeScript can both take.
   */
  breakRefLoops(): void {
    const pureRef = (name: string) => {
      const s = this.schemas[name];
      if (typeof s !== "object" || s === null || Object.keys(s).length !== 1) return undefined;
      return typeof s.$ref === "string" && s.$ref.startsWith(SCHEMA_REF_PREFIX)
        ? s.$ref.slice(SCHEMA_REF_PREFIX.length)
        : undefined;
    };
    for (const start of Object.keys(this.schemas)) {
      const chain: string[] = [];
      for (let name: string | undefined = start; name !== undefined; name = pureRef(name)) {
        if (chain.includes(name)) {
          for (const looped of chain.slice(chain.indexOf(name))) this.schemas[looped] = {};
          break;
        }
        chain.push(name);
      }
    }
  }

  private nameFor(at: Location, preferred?: string): string {
    const existing = this.names.get(key(at));
    if (existing) return existing;
    const name = uniqueName(preferred ?? suggestName(at), this.taken);
    this.names.set(key(at), name);
    this.schemas[name] = {};
    return name;
  }

  /** Convert a schema at `at` into a normalised model schema; referenced schemas become named refs. */
  schema(node: unknown, at: Location): JsonSchema {
    if (typeof node === "boolean") return node;
    // A null or other non-schema where a schema may be: the schema check warned; accept anything.
    if (!isObject(node)) return {};
    const ref = typeof node.$ref === "string" ? this.namedRef(node.$ref, at) : undefined;
    const children: Obj = {};
    for (const kw of SCHEMA_KEYWORDS) {
      if (node[kw] !== undefined && typeof node[kw] !== "boolean") {
        children[kw] = this.schema(node[kw], child(at, kw));
      } else if (typeof node[kw] === "boolean") children[kw] = node[kw];
    }
    for (const kw of SCHEMA_ARRAY_KEYWORDS) {
      if (Array.isArray(node[kw])) {
        children[kw] = (node[kw] as unknown[]).map((s, i) =>
          this.schema(s, child(at, kw, String(i))),
        );
      }
    }
    for (const kw of SCHEMA_MAP_KEYWORDS) {
      if (isObject(node[kw])) {
        const map: Obj = {};
        for (const [name, s] of Object.entries(node[kw] as Obj))
          map[name] = this.schema(s, child(at, kw, name));
        children[kw] = map;
      }
    }
    return normalizeSchemaNode(node, children, ref, this.line);
  }

  private namedRef(ref: string, at: Location): JsonSchema {
    const target = this.resolve(ref, at);
    const known = this.names.get(key(target.at));
    if (known) return { $ref: `${SCHEMA_REF_PREFIX}${known}` };
    const name = this.nameFor(target.at);
    this.schemas[name] = this.schema(target.value, target.at);
    return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
  }
}

const key = (at: Location) => `${at.file}#${at.pointer}`;

/** `schemas/product.yaml` → `Product`; `#/definitions/Money` → `Money`; deep pointers → their last names. */
function suggestName(at: Location): string {
  const tokens = at.pointer
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (tokens.length === 0) return pascalCase(basename(at.file, extname(at.file)));
  const last = tokens[tokens.length - 1]!;
  const parent = tokens[tokens.length - 2];
  if (parent && ["schemas", "definitions", "$defs", "properties"].includes(parent))
    return pascalCase(last);
  const meaningful = tokens.filter(
    (t) => !/^(schema|content|items|\d+|allOf|oneOf|anyOf)$/.test(t) && !t.includes("/"),
  );
  return pascalCase(`${meaningful.slice(-2).join(" ")} schema`);
}
