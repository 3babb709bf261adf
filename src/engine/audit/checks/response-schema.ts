import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import type { AuditResponse } from "../operations.js";

// ajv-formats is CommonJS; its plugin is the default export's `default`.
const addFormats = ajvFormats.default;

/** The documented response for a status: exact code, then `2XX`-style range, then `default`. */
export function documentedResponse(
  responses: AuditResponse[],
  status: number,
): AuditResponse | undefined {
  const code = String(status);
  return (
    responses.find((r) => r.status === code) ??
    responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ??
    responses.find((r) => r.status === "default")
  );
}

/** Compiles response schemas once each (schemas are 2020-12, as the OpenAPI engine normalises them). */
export class ResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
  private readonly cache = new Map<object, ValidateFunction | null>();

  constructor() {
    addFormats(this.ajv);
  }

  private compile(schema: object): ValidateFunction | null {
    let validate = this.cache.get(schema);
    if (validate === undefined) {
      try {
        validate = this.ajv.compile(schema);
      } catch {
        validate = null;
      }
      this.cache.set(schema, validate);
    }
    return validate;
  }

  /** Can the schema be compiled? (A schema that cannot leaves its bodies unchecked.) */
  compiles(schema: object): boolean {
    return this.compile(schema) !== null;
  }

  /** Why the body does not match the schema, or undefined when it does (or the schema cannot be compiled). */
  mismatch(schema: object, body: unknown): string | undefined {
    const validate = this.compile(schema);
    if (!validate || validate(body)) return undefined;
    const e = validate.errors?.[0];
    if (!e) return "does not match the schema";
    return `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`;
  }
}
