import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { loadProfiles } from "../../../../engine/decision/index.js";
import {
  answersOf,
  answerTurn,
  DEFAULT_TRANSCRIPT_DIR,
  type GrillState,
  initialState,
  nextTurn,
  progress,
  renderTranscript,
  requiredKeys,
  restoreState,
  TranscriptFile,
} from "../../../../engine/grill/index.js";
import { UserError } from "../../../../engine/shared/index.js";
import { reviewDigest } from "../../../../report/review-digest.js";
import { buildReview } from "../../review/compose.js";
import { answersSchema } from "../answer-schema.js";
import type { McpPolicy } from "../policy.js";
import { guarded, toolResult } from "../result.js";
import { currentTurnView } from "../turn-view.js";

const stateSchema = z
  .object({
    entries: z
      .array(
        z.object({
          turn: z.string().max(64).describe("turn id, as returned in nextTurn.id"),
          values: z.record(z.string(), z.unknown()).describe("the values that turn set"),
        }),
      )
      .max(64),
  })
  .describe("the `state` a previous grill call returned; omit to start a new grill");

const inputSchema = {
  answers: answersSchema
    .optional()
    .describe(
      "answers in bulk: every turn these values cover is answered in order until the grill is complete, a kill criterion stops it, or a required key is missing (then `needs` names it)",
    ),
  answer: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("one turn at a time: the values for the turn in `nextTurn` (its field keys)"),
  state: stateSchema.optional(),
};

const outputSchema = z.looseObject({
  status: z.enum(["in-progress", "complete", "killed"]),
  question: z.number().describe("forcing question being asked (1–7), or the last one"),
  of: z.number(),
  answered: z.number().describe("turns answered so far"),
  nextTurn: z.unknown().describe("the turn to answer next, or null"),
  needs: z.array(z.string()).describe("required keys missing for the next turn"),
  state: z.unknown().describe("pass back as `state` to continue"),
  kills: z.array(z.unknown()),
  transcript: z.object({ path: z.string().nullable(), markdown: z.string() }),
  review: z.unknown().describe("when the grill ended: decision, next concerns and steps"),
});

function answerBulk(
  state: GrillState,
  values: Record<string, unknown>,
): { state: GrillState; needs: string[] } {
  let current = state;
  for (let guard = 0; guard < 64; guard++) {
    const turn = nextTurn(current);
    if (!turn) return { state: current, needs: [] };
    const missing = requiredKeys(turn).filter((k) => !(k in values));
    if (missing.length > 0) return { state: current, needs: missing };
    current = answerOrThrow(current, values, turn.question, turn.text);
  }
  return { state: current, needs: [] };
}

function answerOrThrow(
  state: GrillState,
  values: Record<string, unknown>,
  question: number,
  text: string,
): GrillState {
  const outcome = answerTurn(state, values);
  if (!outcome.ok) throw new UserError(outcome.message, { hint: `question ${question}: ${text}` });
  return outcome.state;
}

export function registerGrillTool(server: McpServer, policy: McpPolicy): void {
  server.registerTool(
    "grill",
    {
      title: "Backend grill (seven forcing questions)",
      description:
        "Ask the seven forcing questions (load, tenancy, interaction, sensitivity, architecture, recovery, SLO) and their follow-ups. Give all `answers` at once, or go one turn at a time with `answer` and the returned `state`. A tripped kill criterion stops the grill. When it ends the transcript is saved and the review (decision, next concerns with their commands) is returned.",
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: false, openWorldHint: false },
    },
    (args, extra) =>
      guarded(extra.signal, 30, async () => {
        if (args.answers && args.answer)
          throw new UserError("give `answers` (bulk) or `answer` (one turn), not both");
        let state = initialState();
        if (args.state) {
          const restored = restoreState(args.state.entries);
          if (!restored.ok)
            throw new UserError(`state: ${restored.message}`, {
              hint: "pass back the `state` a grill call returned",
            });
          state = restored.state;
        }
        let needs: string[] = [];
        if (args.answers) ({ state, needs } = answerBulk(state, args.answers));
        else if (args.answer) {
          const turn = nextTurn(state);
          if (!turn) throw new UserError(`the grill is ${state.status}; nothing to answer`);
          state = answerOrThrow(state, args.answer, turn.question, turn.text);
        }
        const now = new Date().toISOString();
        let path: string | null = null;
        let markdown = renderTranscript(state, {
          path: "TRANSCRIPT.md",
          startedAt: now,
          updatedAt: now,
        });
        if (state.status !== "in-progress") {
          const file = TranscriptFile.create(
            policy.transcriptDir ?? DEFAULT_TRANSCRIPT_DIR,
            new Date(),
          );
          try {
            path = file.path;
            markdown = renderTranscript(state, { path, startedAt: now, updatedAt: now });
            file.write(markdown);
          } finally {
            file.close();
          }
        }
        const { question, of } = progress(state);
        const review =
          state.status === "in-progress"
            ? null
            : buildReview({
                grillStatus: state.status,
                answers: answersOf(state.entries),
                answered: state.entries.length,
                question,
                transcript: path ?? undefined,
                profiles: await loadProfiles(policy.profilesDir),
              });
        const nextTurnView = currentTurnView(state);
        const text = review
          ? `Grill ${state.status}. Transcript: ${path}\n${reviewDigest(review)}`
          : `Grill in progress: question ${question}/${of}.${needs.length ? ` Needs: ${needs.join(", ")}.` : ""}\nNext: ${nextTurnView?.text ?? ""}\nRecommended: ${nextTurnView?.recommendation.answer ?? ""}`;
        return toolResult(text, {
          status: state.status,
          question,
          of,
          answered: state.entries.length,
          nextTurn: nextTurnView,
          needs,
          state: { entries: state.entries },
          kills: state.kills,
          transcript: { path, markdown },
          review,
        });
      }),
  );
}
