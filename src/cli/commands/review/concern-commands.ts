import type { NextConcern } from "../../../engine/decision/index.js";

/** A next concern with the command (and the agent-server tool) that takes it up. */
export interface ReviewConcern {
  id: string;
  title: string;
  why: string;
  /** The senior-backend command line that takes it up, or null when a person does (e.g. compliance). */
  command: string | null;
  /** The MCP tool an agent calls for it, or null. */
  tool: string | null;
  source: NextConcern["source"];
}

interface Context {
  /** The best profile's name, when there is one. */
  profile?: string;
  /** The grill transcript, when one was written (load --slo reads its SLO floor). */
  transcript?: string;
  /** The team's language: the scaffolder writes TypeScript only. */
  language?: string;
}

const KNOWN: Record<string, (c: Context) => { command: string | null; tool: string | null }> = {
  "api-contract-review": (c) =>
    c.language === undefined || c.language === "typescript"
      ? {
          command: "senior-backend scaffold openapi.yaml --framework express --output src/routes/",
          tool: "scaffold",
        }
      : { command: null, tool: null },
  "schema-design": () => ({
    command: "senior-backend db --connection $DATABASE_URL --analyze",
    tool: "db_analyze",
  }),
  "zero-downtime-migration": () => ({
    command:
      "senior-backend db --connection $DATABASE_URL --compare schema.sql --output migrations/",
    tool: "db_compare",
  }),
  "slo-observability": (c) => ({
    command: `senior-backend load URL --slo ${c.transcript ?? c.profile ?? "PROFILE"} --duration 30`,
    tool: "load",
  }),
  "security-review": () => ({
    command: "senior-backend audit URL --spec openapi.yaml",
    tool: "audit",
  }),
  compliance: () => ({ command: null, tool: null }),
};

/** `senior-backend …` named in a profile's own concern (up to a separator), if any. */
function commandIn(text: string): string | null {
  const m = /senior-backend [^;()\n]+/.exec(text);
  return m ? m[0].trim().replace(/[.,]$/, "") : null;
}

export function concernWithCommand(concern: NextConcern, context: Context): ReviewConcern {
  const known = KNOWN[concern.id]?.(context);
  const command = known ? known.command : commandIn(concern.covers);
  return {
    id: concern.id,
    title: concern.title,
    why: concern.why,
    command,
    tool: known ? known.tool : null,
    source: concern.source,
  };
}
