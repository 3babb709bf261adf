import type { Answers } from "./answers.js";
import type { Profile } from "./profile.js";
import { type ProfileScore, scoreProfile } from "./scoring.js";

/**
 * The ranking rule, applied in order until two profiles differ:
 * 1. no violated hard constraint and none of the profile's own kill anti-patterns tripped
 *    (a profile ruled out this way is never recommended);
 * 2. more points (the fit score);
 * 3. fewer violated constraints;
 * 4. more matched constraints (evidence beats neutrality).
 * Profiles still equal after step 4 are a tie: the decision asks the question that would separate
 * them instead of picking one. Names only order the display of tied profiles, never the decision.
 */
export const TIE_BREAK_RULE = [
  "no violated hard constraint or tripped kill anti-pattern",
  "higher fit score",
  "fewer violated constraints",
  "more matched constraints",
] as const;

export type TieBreakStep = (typeof TIE_BREAK_RULE)[number];

/** Which step of TIE_BREAK_RULE orders a before b, and the sign (<0: a first); no step when they tie. */
export function compareScores(
  a: ProfileScore,
  b: ProfileScore,
): { order: number; step?: TieBreakStep } {
  const steps: Array<[TieBreakStep, number]> = [
    [
      "no violated hard constraint or tripped kill anti-pattern",
      Number(b.eligible) - Number(a.eligible),
    ],
    ["higher fit score", b.points - a.points],
    ["fewer violated constraints", a.violated.length - b.violated.length],
    ["more matched constraints", b.matched.length - a.matched.length],
  ];
  for (const [step, order] of steps) if (order !== 0) return { order, step };
  return { order: 0 };
}

const violatesLanguage = (s: ProfileScore) =>
  Number(s.hardViolations.some((c) => c.dimension === "languagePreference"));

/**
 * Among profiles that are all ruled out, the closest first: one in the team's language (a team does
 * not change language to fit a template), then the fewest hard violations and tripped kill
 * anti-patterns, then the fewest requirements the answers leave open, then the rule.
 */
export function closeness(a: ProfileScore, b: ProfileScore): number {
  const blockers = (s: ProfileScore) => s.hardViolations.length + s.trippedKills.length;
  return (
    violatesLanguage(a) - violatesLanguage(b) ||
    blockers(a) - blockers(b) ||
    a.unconfirmed.length - b.unconfirmed.length
  );
}

function compareForDisplay(a: ProfileScore, b: ProfileScore): number {
  if (!a.eligible && !b.eligible) {
    const close = closeness(a, b);
    if (close !== 0) return close;
  }
  const order = compareScores(a, b).order;
  if (order !== 0) return order;
  return a.profile < b.profile ? -1 : a.profile > b.profile ? 1 : 0;
}

export interface Ranking {
  /** Eligible profiles first, by the rule; then the rest, fewest hard violations first. */
  scores: ProfileScore[];
  /** The rule step that put the first ahead of the second; absent with one profile or a tie. */
  decidedBy?: TieBreakStep;
  /** The eligible profiles the rule cannot separate from the first (two or more), else empty. */
  tied: ProfileScore[];
}

/** Score every profile and order them by TIE_BREAK_RULE. */
export function rankProfiles(answers: Answers, profiles: Profile[]): Ranking {
  const scores = profiles.map((p) => scoreProfile(answers, p)).sort(compareForDisplay);
  const [first, second] = scores;
  const tied =
    first?.eligible === true
      ? scores.filter((s) => s.eligible && compareScores(first, s).order === 0)
      : [];
  return {
    scores,
    decidedBy: first && second ? compareScores(first, second).step : undefined,
    tied: tied.length > 1 ? tied : [],
  };
}
