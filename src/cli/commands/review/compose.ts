import {
  type Answers,
  type Decision,
  decide,
  evaluateKillCriteria,
  type LoadedProfiles,
  missingInputs,
  type SloFloor,
  type TrippedKill,
} from "../../../engine/decision/index.js";
import { type GrillStatus, QUESTION_COUNT } from "../../../engine/grill/index.js";
import { concernWithCommand, type ReviewConcern } from "./concern-commands.js";

/**
 * The review: grill → decide → the next concerns, each with the command that takes it up.
 * Built once here and rendered by src/report (text, digest) or returned whole (JSON, MCP).
 */
export type ReviewStatus = "recommended" | "no-fit" | "blocked" | "tie" | "incomplete";

export interface Review {
  status: ReviewStatus;
  grill: {
    status: GrillStatus;
    /** Turns answered (forcing questions and follow-ups). */
    answered: number;
    /** The forcing question being asked, or the last one when the grill ended. */
    question: number;
    of: number;
    transcript: string | null;
  };
  answers: Answers;
  kills: TrippedKill[];
  /** Required inputs the answers still lack (only while the grill is incomplete). */
  missing: Array<{ flag: string; label: string; question: number }>;
  bestFit: { profile: string; title: string; fitScore: number } | null;
  runnerUp: { profile: string; title: string; fitScore: number } | null;
  /** Why no profile is recommended, when none is. */
  whyNone: string | null;
  sloFloor: SloFloor | null;
  nextConcerns: ReviewConcern[];
  /** The three things to do next, most urgent first. */
  nextSteps: string[];
  decision: Decision | null;
}

export interface ReviewInput {
  grillStatus: GrillStatus;
  answers: Answers;
  answered: number;
  question: number;
  transcript?: string;
  profiles: LoadedProfiles;
}

function scoreOf(report: Decision["runnerUp"]) {
  if (!report) return null;
  const { profile, title, fitScore } = report.score;
  return { profile, title, fitScore };
}

export function buildReview(input: ReviewInput): Review {
  const { answers } = input;
  const kills = evaluateKillCriteria(answers);
  const missing = missingInputs(answers).map(({ flag, label, question }) => ({
    flag,
    label,
    question,
  }));
  const transcript = input.transcript ?? null;
  const grill = {
    status: input.grillStatus,
    answered: input.answered,
    question: input.question,
    of: QUESTION_COUNT,
    transcript,
  };
  const decision =
    input.grillStatus === "complete" && missing.length === 0
      ? decide(answers, { profiles: input.profiles })
      : null;
  const status: ReviewStatus = decision
    ? decision.status
    : kills.length > 0
      ? "blocked"
      : "incomplete";
  // decide names a best profile only when it recommends one.
  const best = decision?.best ?? undefined;
  const concerns = best
    ? best.nextConcerns.map((c) =>
        concernWithCommand(c, {
          profile: best.score.profile,
          transcript: input.transcript,
          language: answers.languagePreference,
        }),
      )
    : [];
  return {
    status,
    grill,
    answers,
    kills,
    missing: decision ? [] : missing,
    bestFit: best ? scoreOf(best) : null,
    runnerUp: best ? scoreOf(decision?.runnerUp) : null,
    whyNone: whyNone(status, kills, decision, missing.length),
    sloFloor: best ? best.sloFloor : null,
    nextConcerns: concerns,
    nextSteps: nextSteps(status, kills, concerns, transcript, decision),
    decision,
  };
}

function whyNone(
  status: ReviewStatus,
  kills: TrippedKill[],
  decision: Decision | null,
  missing: number,
): string | null {
  if (status === "recommended") return null;
  // decide's own sentence says what the status means here (which constraint, which profiles).
  if (decision) return decision.summary;
  if (status === "blocked") {
    return `a kill criterion tripped (${kills.map((k) => k.title).join("; ")}): no stack is recommended around an unresolved gap`;
  }
  return `the grill is not finished: ${missing} required input${missing === 1 ? "" : "s"} still unanswered`;
}

function nextSteps(
  status: ReviewStatus,
  kills: TrippedKill[],
  concerns: ReviewConcern[],
  transcript: string | null,
  decision: Decision | null,
): string[] {
  const resume = transcript
    ? `senior-backend grill --resume ${transcript}`
    : "senior-backend grill (answer the remaining questions)";
  const decideAgain = `senior-backend decide --from-transcript ${transcript ?? "FILE"}`;
  if (status === "blocked") {
    const steps = kills.map((k) => `${k.title}: ${k.remedy}`);
    steps.push(`then change the answer and continue: ${resume}`);
    return steps.slice(0, 3);
  }
  if (status === "incomplete") {
    return [
      `finish the grill: ${resume}`,
      `then review again: senior-backend review --from-transcript ${transcript ?? "FILE"}`,
    ];
  }
  if (status === "tie") {
    const q = decision?.separatingQuestion;
    return [
      q
        ? `answer the question that separates ${decision?.tied.join(" and ")}: ${q.text}${q.flag ? ` (${q.flag})` : ""}`
        : `choose between ${decision?.tied.join(" and ")} by their stacks`,
      `then decide again: ${decideAgain}${q?.flag ? ` ${q.flag}` : ""}`,
      "the concerns of the chosen profile follow: senior-backend review --from-transcript FILE",
    ];
  }
  if (status === "no-fit") {
    const closest = decision?.closest[0];
    const guide = decision?.customProfile;
    return [
      closest
        ? `closest: ${closest.profile}, which would need ${closest.changes.map((c) => c.change).join("; ")}`
        : `see the closest profiles: ${decideAgain}`,
      guide
        ? `or write a custom profile: copy ${guide.copyFrom} to ${guide.copyTo} and adjust it (${decideAgain} lists the edits)`
        : "or write a custom profile: copy profiles/node-express.json to profiles/<your-org>.json and adjust its constraints",
      "then review again with --profiles-dir DIR",
    ];
  }
  return concerns
    .filter((c) => c.command)
    .slice(0, 3)
    .map((c) => `${c.title}: ${c.command}`);
}
