import type { ApiOperation } from "../../openapi/index.js";

/** Text safe inside a template literal: backslashes, backticks and `${` escaped. */
const literalText = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");

/** `/files/<name>/{id}` → `/files/%3Cname%3E/{id}`: literal text as requests carry it. */
const encodeLiterals = (path: string) =>
  path
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? part : encodeURI(part)))
    .join("");

/**
 * `route-table.ts` (tool-owned): where the API is mounted and every path with the methods it
 * answers, so each framework gives the same answer to a request no route takes: 405 with `Allow`
 * when the path exists, 404 otherwise, both in the error envelope. The table is one template
 * literal (a line per path), which formatters leave as it is however long the paths are.
 */
export function routeTableSource(operations: ApiOperation[], basePath: string): string {
  const byPath = new Map<string, Set<string>>();
  for (const op of operations) {
    const methods = byPath.get(op.path) ?? new Set<string>();
    methods.add(op.method.toUpperCase());
    if (op.method === "get") methods.add("HEAD");
    byPath.set(op.path, methods);
  }
  const lines = [...byPath.entries()].map(
    ([path, methods]) =>
      `${[...methods].join(",")} ${literalText(encodeLiterals(basePath + path))}`,
  );
  return `import { ApiError } from "./envelope.js";

/** Where the routes are mounted: the path of the spec's first \`servers\` URL (\`--base-path\` overrides). */
export const BASE_PATH = ${JSON.stringify(basePath)};

/** Every path of the spec (under BASE_PATH), one a line, after the methods it answers. */
const PATHS = \`
${lines.join("\n")}
\`;

interface KnownPath {
  pattern: RegExp;
  allow: string;
}

function parsePaths(table: string): KnownPath[] {
  const known: KnownPath[] = [];
  for (const line of table.split("\\n")) {
    const space = line.indexOf(" ");
    if (space === -1) continue;
    const parts = line
      .slice(space + 1)
      .split(/\\{[^}]+\\}/)
      .map((part) => part.replace(/[.*+?^$()|[\\]\\\\{}]/g, "\\\\$&"));
    const pattern = new RegExp(\`^\${parts.join("[^/]+")}/?$\`);
    known.push({ pattern, allow: line.slice(0, space).split(",").join(", ") });
  }
  return known;
}

const KNOWN_PATHS = parsePaths(PATHS);

/** The answer to a request no route took: 405 with the \`Allow\` value for a known path, 404 otherwise. */
export function noRoute(method: string, path: string): { error: ApiError; allow?: string } {
  const allow = KNOWN_PATHS.find((known) => known.pattern.test(path))?.allow;
  if (allow === undefined) {
    return { error: new ApiError(404, "NOT_FOUND", \`No route for \${method} \${path}\`) };
  }
  const message = \`\${method} is not allowed on \${path} (allowed: \${allow})\`;
  return { error: new ApiError(405, "METHOD_NOT_ALLOWED", message), allow };
}
`;
}
