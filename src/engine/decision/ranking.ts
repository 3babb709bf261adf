import type { Answers } from "./answers.js";
import type { Profile } from "./profile.js";
import { type ProfileScore, scoreProfile } from "./scoring.js";

/**
 * The tie-break rule, applied in order until two profiles differ:
 * 1. more points (the fit score);
 * 2. fewer violated constraints;
 * 3. more matched constraints (evidence beats neutrality);
 * 4. fewer unconfirmed requirements (a platform team or admin panel the profile requires
 *    but the answers did not mention);
 * 5. the profile that lists the stated language preference;
 * 6. the profile name in code-point order (so the result never depends on file order).
 */
export const TIE_BREAK_RULE = [
  "higher fit score",
  "fewer violated constraints",
  "more matched constraints",
  "fewer unconfirmed requirements",
  "lists the stated language preference",
  "profile name in code-point order",
] as const;

export type TieBreakStep = (typeof TIE_BREAK_RULE)[number];

function speaksLanguage(profile: Profile | undefined, answers: Answers): boolean {
  return Boolean(
    answers.languagePreference &&
      profile?.constraints.languages?.includes(answers.languagePreference),
  );
}

/** Requirements of the profile that the answers neither confirm nor deny. */
function unconfirmed(profile: Profile | undefined, answers: Answers): number {
  const c = profile?.constraints;
  return (
    Number(c?.requiresPlatformTeam === true && answers.platformTeam === undefined) +
    Number(c?.requiresAdminPanel === true && answers.needsAdminPanel === undefined)
  );
}

/** Which step of TIE_BREAK_RULE orders a before b, and the sign (<0: a first). */
function compare(
  a: ProfileScore,
  b: ProfileScore,
  answers: Answers,
  byName: Map<string, Profile>,
): { order: number; step: TieBreakStep } {
  const steps: Array<[TieBreakStep, number]> = [
    ["higher fit score", b.points - a.points],
    ["fewer violated constraints", a.violated.length - b.violated.length],
    ["more matched constraints", b.matched.length - a.matched.length],
    [
      "fewer unconfirmed requirements",
      unconfirmed(byName.get(a.profile), answers) - unconfirmed(byName.get(b.profile), answers),
    ],
    [
      "lists the stated language preference",
      Number(speaksLanguage(byName.get(b.profile), answers)) -
        Number(speaksLanguage(byName.get(a.profile), answers)),
    ],
    [
      "profile name in code-point order",
      a.profile < b.profile ? -1 : a.profile > b.profile ? 1 : 0,
    ],
  ];
  for (const [step, order] of steps) if (order !== 0) return { order, step };
  return { order: 0, step: "profile name in code-point order" };
}

export interface Ranking {
  /** Best first. */
  scores: ProfileScore[];
  /** The rule step that put the best ahead of the second (absent with one profile). */
  decidedBy?: TieBreakStep;
}

/** Score every profile and order them by TIE_BREAK_RULE. */
export function rankProfiles(answers: Answers, profiles: Profile[]): Ranking {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const scores = profiles
    .map((p) => scoreProfile(answers, p))
    .sort((a, b) => compare(a, b, answers, byName).order);
  const [first, second] = scores;
  return {
    scores,
    decidedBy: first && second ? compare(first, second, answers, byName).step : undefined,
  };
}
