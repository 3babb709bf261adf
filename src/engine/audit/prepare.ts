import { loadSpec, type SpecLimits } from "../openapi/index.js";
import { redactSecretsInText } from "../shared/redact.js";
import { UserError } from "../shared/user-error.js";
import { operationsFromModel, specExpectsAsymmetricJwt } from "./from-api-model.js";
import type { AuditOperation } from "./operations.js";

/** Check the target URL before any request: an http(s) URL or a one-line error. */
export function parseTarget(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`not a URL: ${redactSecretsInText(url)}`, {
      hint: "give the API's base URL, e.g. http://127.0.0.1:3000",
    });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new UserError(
      `only http and https URLs can be audited, not ${parsed.protocol.replace(":", "")}`,
    );
  }
  if (parsed.pathname.startsWith("//")) {
    throw new UserError(
      `the URL's path ${parsed.pathname} starts with //, which other URL parsers read as a host`,
      {
        hint: "give the API's base URL with a single leading slash, e.g. http://127.0.0.1:3000/v1",
      },
    );
  }
  return parsed.toString();
}

/** Operations and token expectations from the OpenAPI spec (the openapi engine). */
export async function operationsFromSpec(
  path: string,
  options: { limits?: Partial<SpecLimits> } = {},
): Promise<{ operations: AuditOperation[]; expectsAsymmetricJwt: boolean }> {
  const { model } = await loadSpec(path, { limits: options.limits });
  return {
    operations: operationsFromModel(model),
    expectsAsymmetricJwt: specExpectsAsymmetricJwt(model),
  };
}
