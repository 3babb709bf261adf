/**
 * A synthetic OpenAPI 3.1 document of GitHub's scale for the scaffold benchmark: ~1,200 operations
 * over 240 resources, ~1,000 component schemas with refs between them, verbose descriptions
 * (~10 MB of JSON). Deterministic: the same seed gives the same document.
 */
export interface SyntheticSpecOptions {
  resources?: number;
  schemas?: number;
  seed?: number;
}

type Json = Record<string, unknown>;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "the repository owner token request response resource collaborator webhook event pull issue comment review branch commit status check run workflow artifact secret deployment environment release asset label milestone project column card team member organization installation permission scope audit log rate limit page cursor".split(
    " ",
  );

export function syntheticSpec(options: SyntheticSpecOptions = {}): Json {
  const resources = options.resources ?? 240;
  const schemaCount = options.schemas ?? 1000;
  const next = random(options.seed ?? 42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(" ");
    return `${text.replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const name = (i: number) => `resource-${String(i).padStart(4, "0")}`;
  const schemaName = (i: number) => `Schema${String(i).padStart(4, "0")}`;
  const ref = (i: number) => ({ $ref: `#/components/schemas/${schemaName(i)}` });

  const schemas: Json = {
    BasicError: {
      type: "object",
      description: sentence(20),
      properties: {
        message: { type: "string" },
        documentation_url: { type: "string" },
        status: { type: "string" },
      },
    },
  };
  for (let i = 0; i < schemaCount; i++) {
    const properties: Json = {
      id: { type: "integer", format: "int64", description: sentence(12), examples: [42] },
      node_id: { type: "string", description: sentence(10) },
      url: { type: "string", format: "uri", description: sentence(14) },
    };
    const count = 10 + Math.floor(next() * 10);
    for (let p = 0; p < count; p++) {
      const kind = Math.floor(next() * 8);
      const key = `${pick(WORDS)}_${pick(WORDS)}_${p}`;
      const description = sentence(18 + Math.floor(next() * 20));
      properties[key] =
        kind === 0
          ? { type: "string", maxLength: 256, description }
          : kind === 1
            ? { type: ["integer", "null"], minimum: 0, description }
            : kind === 2
              ? { type: "boolean", description, default: false }
              : kind === 3
                ? { type: "string", format: "date-time", description }
                : kind === 4
                  ? {
                      type: "string",
                      enum: ["open", "closed", "all", "draft", "merged"],
                      description,
                    }
                  : kind === 5
                    ? { type: "array", items: { type: "string" }, description }
                    : i > 0
                      ? { ...ref(Math.floor(next() * i)), description }
                      : { type: "string", description };
    }
    schemas[schemaName(i)] = {
      title: `${pick(WORDS)} ${pick(WORDS)}`,
      description: sentence(55),
      type: "object",
      properties,
      required: ["id", "node_id", "url"],
    };
  }

  const paths: Json = {};
  const common = [
    {
      name: "owner",
      in: "path",
      required: true,
      schema: { type: "string" },
      description: sentence(10),
    },
    {
      name: "repo",
      in: "path",
      required: true,
      schema: { type: "string" },
      description: sentence(10),
    },
  ];
  const paging = [
    {
      name: "per_page",
      in: "query",
      schema: { type: "integer", minimum: 1, maximum: 100, default: 30 },
      description: sentence(20),
    },
    {
      name: "page",
      in: "query",
      schema: { type: "integer", minimum: 1, default: 1 },
      description: sentence(16),
    },
    {
      name: "direction",
      in: "query",
      schema: { type: "string", enum: ["asc", "desc"] },
      description: sentence(12),
    },
  ];
  const errors = {
    "404": {
      description: "Resource not found",
      content: { "application/json": { schema: { $ref: "#/components/schemas/BasicError" } } },
    },
    "422": {
      description: "Validation failed",
      content: { "application/json": { schema: { $ref: "#/components/schemas/BasicError" } } },
    },
  };
  for (let r = 0; r < resources; r++) {
    const resource = name(r);
    const schema = ref(Math.floor(next() * schemaCount));
    const body = ref(Math.floor(next() * schemaCount));
    const id = {
      name: "item_id",
      in: "path",
      required: true,
      schema: { type: "integer" },
      description: sentence(10),
    };
    const op = (verb: string, extra: Json): Json => ({
      operationId: `${resource.replace(/-/g, "")}/${verb}`.replace("/", "-"),
      summary: sentence(8),
      description: sentence(60),
      tags: [`group-${r % 40}`],
      ...extra,
    });
    const json = (s: unknown) => ({ "application/json": { schema: s } });
    paths[`/repos/{owner}/{repo}/${resource}`] = {
      get: op("list", {
        parameters: [...common, ...paging],
        responses: {
          "200": { description: sentence(6), content: json({ type: "array", items: schema }) },
          ...errors,
        },
      }),
      post: op("create", {
        parameters: common,
        requestBody: { required: true, content: json(body) },
        responses: { "201": { description: sentence(6), content: json(schema) }, ...errors },
      }),
    };
    paths[`/repos/{owner}/{repo}/${resource}/{item_id}`] = {
      get: op("get", {
        parameters: [...common, id],
        responses: { "200": { description: sentence(6), content: json(schema) }, ...errors },
      }),
      patch: op("update", {
        parameters: [...common, id],
        requestBody: { required: true, content: json(body) },
        responses: { "200": { description: sentence(6), content: json(schema) }, ...errors },
      }),
      delete: op("delete", {
        parameters: [...common, id],
        responses: { "204": { description: sentence(6) }, ...errors },
      }),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Synthetic GitHub-scale API", version: "1.0.0", description: sentence(80) },
    paths,
    components: { schemas },
  };
}
