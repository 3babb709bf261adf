import { upgradeFromTwoToThree } from "@scalar/openapi-upgrader/2.0-to-3.0";
import { UserError } from "../shared/index.js";
import { displayPath } from "./spec-files.js";

/** The OpenAPI lines we read; Swagger 2.0 is converted to 3.0 first. */
export type OpenApiLine = "2.0" | "3.0" | "3.1" | "3.2";

/** The line a document declares, or a one-line `UserError` when it is not an OpenAPI document we read. */
export function checkSpecVersion(document: unknown, file: string): OpenApiLine {
  const where = displayPath(file);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new UserError(`${where}: not an OpenAPI document (expected a YAML/JSON object)`, {
      hint: "pass an OpenAPI 2.0, 3.0, 3.1 or 3.2 file",
    });
  }
  const doc = document as Record<string, unknown>;
  if (doc.swagger !== undefined) {
    // `swagger: 2.0` unquoted in YAML is the number 2.
    if (/^2(\.0)?$/.test(String(doc.swagger))) return "2.0";
    throw new UserError(
      `${where}#/swagger: Swagger ${String(doc.swagger)} is not supported (2.0 is)`,
    );
  }
  // A number (`openapi: 3.0`) is a slip YAML makes easy; read it as the version it spells.
  const version =
    typeof doc.openapi === "string" || typeof doc.openapi === "number"
      ? String(doc.openapi)
      : undefined;
  if (!version) {
    throw new UserError(`${where}#/openapi: missing the "openapi" version field`, {
      hint: "add e.g. `openapi: 3.1.0` at the top of the file",
    });
  }
  const line = /^3\.([0-2])(\.|$)/.exec(version);
  if (line) return `3.${line[1]}` as OpenApiLine;
  throw new UserError(
    `${where}#/openapi: OpenAPI ${version} is not supported (2.0, 3.0, 3.1 or 3.2)`,
  );
}

/**
 * Convert a Swagger 2.0 document to OpenAPI 3.0 with Scalar's maintained upgrader: `definitions`
 * become `components.schemas` (and their `$ref`s follow), body/formData parameters become request
 * bodies, `host` + `basePath` + `schemes` become `servers`.
 */
export function convertSwagger2(
  document: Record<string, unknown>,
  file: string,
): Record<string, unknown> {
  try {
    return upgradeFromTwoToThree(structuredClone(document)) as Record<string, unknown>;
  } catch (error) {
    throw new UserError(
      `${displayPath(file)}: cannot convert this Swagger 2.0 document to OpenAPI 3.0: ${(error as Error).message.split("\n")[0]}`,
      { hint: "convert it with another tool and run scaffold on the OpenAPI 3 result" },
    );
  }
}
