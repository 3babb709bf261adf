import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { DEFAULT_PROFILES_DIR } from "../../../engine/decision/index.js";
import { packageRoot } from "../../../engine/shared/index.js";
import type { McpPolicy } from "./policy.js";

/** Regular files in `dir` ending in `ext`, sorted; none when the folder is missing. */
function filesIn(dir: string, ext: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(ext))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function register(
  server: McpServer,
  dir: string,
  file: string,
  kind: "references" | "profiles",
  mimeType: string,
  description: string,
): void {
  const uri = `senior-backend://${kind}/${file}`;
  server.registerResource(
    `${kind}/${file}`,
    uri,
    { title: file, description, mimeType },
    async () => ({
      contents: [{ uri, mimeType, text: await readFile(join(dir, file), "utf8") }],
    }),
  );
}

/**
 * The references the tools cite (references/*.md) and the stack profiles (profiles/*.json,
 * with profile.schema.json, the contract for custom profiles), as read-only resources.
 */
export function registerResources(server: McpServer, policy: McpPolicy): void {
  const references = resolve(packageRoot, "references");
  for (const file of filesIn(references, ".md")) {
    register(
      server,
      references,
      file,
      "references",
      "text/markdown",
      `Reference: ${file.replace(/\.md$/, "").replace(/_/g, " ")}`,
    );
  }
  const profiles = policy.profilesDir ? resolve(policy.profilesDir) : DEFAULT_PROFILES_DIR;
  for (const file of filesIn(profiles, ".json")) {
    const what =
      file === "profile.schema.json"
        ? "JSON Schema of a profile (for custom profiles)"
        : `Stack profile ${file.replace(/\.json$/, "")}`;
    register(server, profiles, file, "profiles", "application/json", what);
  }
}
