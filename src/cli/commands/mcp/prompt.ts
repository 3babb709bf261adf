import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

const STEPS = `You are running a backend review with the senior-backend tools.
1. Call the \`grill\` tool with no arguments to get the first question. Ask the user each \`nextTurn.text\` (show \`nextTurn.recommendation\` as the suggested answer), then call \`grill\` with \`answer\` (the turn's field keys) and the \`state\` it returned. Do not invent answers the user did not give; facts already stated below may be used.
2. If a kill criterion stops the grill, stop: report the kill and its remedy, do not recommend a stack.
3. When the grill completes, its \`review\` holds the decision (status, best fit, runner-up, SLO floor) and the next concerns, each with a command and the tool that takes it up (scaffold, db_analyze, db_compare, load, audit).
4. Answer with a digest of at most 200 words: status, best fit or why none, kills, SLO floor, and the next three steps with their commands.`;

/** The review as a prompt: the slash-command form of the skill (`/backend-review <what you are building>`). */
export function registerReviewPrompt(server: McpServer): void {
  server.registerPrompt(
    "backend-review",
    {
      title: "Backend review",
      description:
        "Grill → decide → next concerns for a new service, ending in a ≤ 200-word digest.",
      argsSchema: {
        service: z
          .string()
          .max(4000)
          .optional()
          .describe("what is being built, and any facts already known"),
      },
    },
    ({ service }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text: `${STEPS}\n\nThe service: ${service?.trim() || "(not described yet; ask the user)"}`,
          },
        },
      ],
    }),
  );
}
