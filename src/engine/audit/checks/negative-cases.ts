import type { AuditOperation, JsonSchema } from "../operations.js";
import { primaryType, sampleFor } from "../schema-sample.js";
import type { ProbeRequest } from "../types.js";
import { bodyObjectSchema, concretePath, validRequest } from "./request-builder.js";

/** One request that breaks the operation's contract in exactly one way. */
export interface NegativeCase {
  operation: string;
  kind:
    | "malformed-json"
    | "missing-required"
    | "wrong-type"
    | "out-of-range"
    | "extra-property"
    | "oversized-body"
    | "wrong-content-type"
    | "bad-path-param"
    | "bad-query-param";
  description: string;
  /** Statuses a correct API answers with. */
  accepted: number[];
  request: ProbeRequest;
}

const REFUSED = [400, 413, 415, 422];
export const OVERSIZED_BYTES = 2 * 1024 * 1024;

function wrongTypeValue(schema: JsonSchema): unknown {
  switch (primaryType(schema)) {
    case "string":
      return 12345;
    case "integer":
    case "number":
      return "not-a-number";
    case "boolean":
      return "maybe";
    case "array":
      return "not-an-array";
    default:
      return "not-an-object";
  }
}

function outOfRange(schema: JsonSchema): { value: unknown; why: string } | undefined {
  if (Array.isArray(schema.enum))
    return { value: "__not_in_enum__", why: "a value outside the enum" };
  if (typeof schema.maximum === "number")
    return {
      value: schema.maximum + 1,
      why: `${schema.maximum + 1} above maximum ${schema.maximum}`,
    };
  if (typeof schema.minimum === "number")
    return {
      value: schema.minimum - 1,
      why: `${schema.minimum - 1} below minimum ${schema.minimum}`,
    };
  if (typeof schema.maxLength === "number")
    return {
      value: "x".repeat(schema.maxLength + 1),
      why: `a string longer than maxLength ${schema.maxLength}`,
    };
  if (typeof schema.minLength === "number" && schema.minLength > 0)
    return { value: "", why: `an empty string (minLength ${schema.minLength})` };
  return undefined;
}

/** Every negative case for one operation, most telling first. */
export function negativeCases(
  base: string,
  op: AuditOperation,
  headers: Record<string, string>,
): NegativeCase[] {
  const cases: NegativeCase[] = [];
  const add = (
    kind: NegativeCase["kind"],
    description: string,
    request: ProbeRequest,
    accepted = REFUSED,
  ) =>
    cases.push({
      operation: op.id,
      kind,
      description,
      accepted,
      request: { ...request, operationId: op.id, intent: "invalid" },
    });
  const obj = bodyObjectSchema(op);
  if (op.body) {
    const base0 = validRequest(base, op, headers);
    add("malformed-json", "malformed JSON body", { ...base0, body: '{"audit": ' });
  }
  if (obj) {
    const valid = sampleFor(obj) as Record<string, unknown>;
    const props = Object.entries(obj.properties ?? {});
    const required = obj.required?.[0];
    if (required) {
      const { [required]: _dropped, ...rest } = valid;
      add(
        "missing-required",
        `body without required field "${required}"`,
        validRequest(base, op, headers, rest),
      );
    }
    const typed = props.find(([, s]) => primaryType(s) !== undefined);
    if (typed) {
      add(
        "wrong-type",
        `body field "${typed[0]}" with the wrong type`,
        validRequest(base, op, headers, { ...valid, [typed[0]]: wrongTypeValue(typed[1]) }),
      );
    }
    for (const [name, schema] of props) {
      const bad = outOfRange(schema);
      if (!bad) continue;
      add(
        "out-of-range",
        `body field "${name}": ${bad.why}`,
        validRequest(base, op, headers, { ...valid, [name]: bad.value }),
      );
      break;
    }
    if (obj.additionalProperties === false) {
      add(
        "extra-property",
        "body with a property the schema does not allow",
        validRequest(base, op, headers, { ...valid, __audit_extra__: true }),
      );
    }
    const req = validRequest(base, op, headers);
    add("wrong-content-type", "JSON body sent as text/plain", {
      ...req,
      headers: { ...req.headers, "content-type": "text/plain" },
    });
    add("oversized-body", `a ${OVERSIZED_BYTES / 1024 / 1024} MiB body`, {
      ...req,
      body: JSON.stringify({ ...valid, __audit_padding__: "x".repeat(OVERSIZED_BYTES) }),
    });
  }
  const pathParam = op.parameters.find(
    (p) => p.in === "path" && ["integer", "number"].includes(primaryType(p.schema) ?? ""),
  );
  if (pathParam) {
    const req = validRequest(base, op, headers);
    add(
      "bad-path-param",
      `path parameter "${pathParam.name}" not a number`,
      {
        ...req,
        path: concretePath(base, op, { name: pathParam.name, value: "not-a-number" }),
      },
      [...REFUSED, 404],
    );
  }
  const query = op.parameters.find(
    (p) => p.in === "query" && (p.required || primaryType(p.schema) === "integer"),
  );
  if (query) {
    const req = validRequest(base, op, headers);
    const url = new URL(req.path, "http://x");
    if (query.required) {
      url.searchParams.delete(query.name);
      add("bad-query-param", `required query parameter "${query.name}" missing`, {
        ...req,
        path: url.pathname + url.search,
      });
    } else {
      url.searchParams.set(query.name, "not-a-number");
      add("bad-query-param", `query parameter "${query.name}" not a number`, {
        ...req,
        path: url.pathname + url.search,
      });
    }
  }
  return cases;
}
