import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { loadProfiles, missingInputs } from "../../../../engine/decision/index.js";
import { readTranscript } from "../../../../engine/grill/index.js";
import { UserError } from "../../../../engine/shared/index.js";
import { reviewDigest } from "../../../../report/review-digest.js";
import { buildReview } from "../../review/compose.js";
import { answersSchema } from "../answer-schema.js";
import type { McpPolicy } from "../policy.js";
import { guarded, toolResult } from "../result.js";

const inputSchema = {
  answers: answersSchema
    .optional()
    .describe(
      "the facts (same keys as the grill). Required: readWriteRatio, qpsP99, tenancy, dataSensitivity, pattern, teamSize, languagePreference",
    ),
  fromTranscript: z
    .string()
    .max(4096)
    .optional()
    .describe("path of a grill transcript to take the answers from (`answers` override it)"),
};

const outputSchema = z.looseObject({
  status: z.string().describe("recommended | no-fit | blocked | tie"),
  decision: z
    .unknown()
    .describe("the whole decision: ranking, best fit, stack, approvers, SLO floor"),
  nextConcerns: z.array(z.unknown()),
  nextSteps: z.array(z.string()),
});

export function registerDecideTool(server: McpServer, policy: McpPolicy): void {
  server.registerTool(
    "decide",
    {
      title: "Decide the backend profile",
      description:
        "Rank the stack profiles for the facts: status, best fit and runner-up with fit scores, kill criteria, stack, anti-patterns, approvers, the SLO floor and the next concerns with the command for each.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args, extra) =>
      guarded(extra.signal, 30, async () => {
        const fromFile = args.fromTranscript
          ? (await readTranscript(args.fromTranscript)).answers
          : {};
        const answers = { ...fromFile, ...(args.answers ?? {}) };
        const missing = missingInputs(answers);
        if (missing.length > 0) {
          throw new UserError(
            `missing required inputs: ${missing.map((m) => `${m.field} (${m.label})`).join(", ")}`,
            { hint: "add them to `answers`, or run the grill tool to collect them" },
          );
        }
        const review = buildReview({
          grillStatus: "complete",
          answers,
          answered: 0,
          question: 7,
          transcript: args.fromTranscript,
          profiles: await loadProfiles(policy.profilesDir),
        });
        return toolResult(reviewDigest(review), {
          status: review.status,
          decision: review.decision,
          nextConcerns: review.nextConcerns,
          nextSteps: review.nextSteps,
        });
      }),
  );
}
