import type { Answers } from "./answers.js";
import { DIMENSION_QUESTIONS, showValue } from "./dimension-questions.js";
import { evaluateKillCriteria } from "./kill-criteria.js";
import type { NumericRange, Profile } from "./profile.js";
import { rankProfiles } from "./ranking.js";
import { type Dimension, scoreProfile, WEIGHTS } from "./scoring.js";

/** Where one answer to the separating question leads. */
export interface TieOutcome {
  answer: string;
  /** The profile that answer would recommend; null when the profiles would still tie or none fits. */
  leadsTo: string | null;
  /** When the answer narrows the tie without settling it: the profiles still tied. */
  stillTied?: string[];
}

/** The question whose answer would separate tied profiles. */
export interface SeparatingQuestion {
  /**
   * `unanswered-input`: an input you did not give on which the profiles differ;
   * `trade-off`: the profiles match different inputs you gave, so you must say which matters more;
   * `same-constraints`: nothing you could answer separates them; choose by the stack.
   */
  kind: "unanswered-input" | "trade-off" | "same-constraints";
  text: string;
  dimension?: Dimension;
  /** The flag that carries the answer, e.g. "--needs-admin-panel yes|no". */
  flag?: string;
  /** For enumerations and yes/no: where each answer leads. */
  outcomes: TieOutcome[];
  /** Each tied profile's constraint on the dimension (for numbers: the range it covers). */
  byProfile: Array<{ profile: string; constraint: string }>;
}

const RANGE_KEYS: Partial<Record<Dimension, "teamSize" | "qpsP99" | "readWriteRatio">> = {
  teamSize: "teamSize",
  qpsP99: "qpsP99",
  readWriteRatio: "readWriteRatio",
};

/** Values worth probing for a numeric input: each edge of each tied profile's range, and just past it. */
function numericProbes(dimension: Dimension, profiles: Profile[], min: number): number[] {
  const key = RANGE_KEYS[dimension];
  if (!key) return [];
  const out = new Set<number>();
  for (const p of profiles) {
    const r: NumericRange | undefined = p.constraints[key];
    for (const edge of [r?.min, r?.max]) {
      if (edge === undefined) continue;
      for (const v of [edge - 1, edge, edge + 1]) if (v >= min) out.add(v);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Where an answer leads among the tied profiles: one winner, a smaller tie, or nowhere. */
function outcome(answers: Answers, profiles: Profile[]): Omit<TieOutcome, "answer"> {
  const r = rankProfiles(answers, profiles);
  const first = r.scores[0];
  if (first?.eligible && r.tied.length === 0) return { leadsTo: first.profile };
  if (r.tied.length > 1 && r.tied.length < profiles.length)
    return { leadsTo: null, stillTied: r.tied.map((s) => s.profile) };
  return { leadsTo: null };
}

/**
 * An answer is worth offering only when it settles the tie on the merits: not when it trips a kill
 * criterion or rules a tied profile out through one of its own kill anti-patterns.
 */
function fairProbe(answers: Answers, profiles: Profile[]): boolean {
  if (evaluateKillCriteria(answers).length > 0) return false;
  return profiles.every((p) => scoreProfile(answers, p).trippedKills.length === 0);
}

function constraintText(dimension: Dimension, answers: Answers, p: Profile, probe: unknown) {
  const check = scoreProfile({ ...answers, [dimension]: probe }, p).checks.find(
    (c) => c.dimension === dimension,
  );
  return check?.constraint ?? "—";
}

function unansweredQuestion(answers: Answers, tied: Profile[]): SeparatingQuestion | undefined {
  const dims = (Object.keys(DIMENSION_QUESTIONS) as Dimension[])
    .filter((d) => answers[d] === undefined)
    .sort((a, b) => WEIGHTS[b] - WEIGHTS[a]);
  for (const d of dims) {
    const q = DIMENSION_QUESTIONS[d];
    const probes: Array<string | number | boolean> = q.values
      ? [...q.values]
      : numericProbes(d, tied, q.numeric?.min ?? 0);
    const results = probes
      .filter((v) => fairProbe({ ...answers, [d]: v }, tied))
      .map((v) => ({ v, ...outcome({ ...answers, [d]: v }, tied) }));
    if (!results.some((r) => r.leadsTo !== null)) continue;
    const byProfile = tied.map((p) => ({
      profile: p.name,
      constraint: constraintText(d, answers, p, probes[0]),
    }));
    const numeric = q.values === undefined;
    const outcomes: TieOutcome[] = numeric
      ? []
      : results.map(({ v, ...rest }) => ({ answer: showValue(v), ...rest }));
    const where = numeric
      ? ` (${byProfile.map((b) => `${b.profile} covers ${b.constraint}`).join("; ")})`
      : ` (${outcomes
          .filter((o) => o.leadsTo || o.stillTied)
          .map((o) => `${o.answer} → ${o.leadsTo ?? `${o.stillTied?.join(" or ")}, still tied`}`)
          .join("; ")})`;
    return {
      kind: "unanswered-input",
      text: `${q.question}${where}`,
      dimension: d,
      flag: q.flag,
      outcomes,
      byProfile,
    };
  }
  return undefined;
}

function tradeOff(answers: Answers, tied: Profile[]): SeparatingQuestion | undefined {
  const scores = tied.map((p) => scoreProfile(answers, p));
  const matchedBy = scores.map((s) => ({
    profile: s.profile,
    dims: s.matched.map((c) => c.dimension),
  }));
  const differs = new Set<Dimension>();
  for (const s of scores)
    for (const c of s.checks) {
      const others = scores.map((o) => o.checks.find((x) => x.dimension === c.dimension)?.status);
      if (others.some((st) => st !== c.status)) differs.add(c.dimension);
    }
  if (differs.size === 0) return undefined;
  const parts = matchedBy.map((m) => {
    const own = m.dims.filter((d) => differs.has(d)).map((d) => DIMENSION_QUESTIONS[d].label);
    return `${m.profile} matches your ${own.join(" and ") || "nothing the others miss"}`;
  });
  return {
    kind: "trade-off",
    text: `${parts.join("; ")}. Which of these matters more for this service?`,
    outcomes: [],
    byProfile: scores.map((s) => ({
      profile: s.profile,
      constraint: s.matched
        .filter((c) => differs.has(c.dimension))
        .map((c) => c.detail)
        .join("; "),
    })),
  };
}

/** The question whose answer would separate tied profiles (never their file names). */
export function separatingQuestion(answers: Answers, tied: Profile[]): SeparatingQuestion {
  const found = unansweredQuestion(answers, tied) ?? tradeOff(answers, tied);
  if (found) return found;
  const stack = (p: Profile) =>
    p.stack
      .slice(0, 3)
      .map((s) => s.pick)
      .join(", ");
  const scores = tied.map((p) => scoreProfile(answers, p));
  const differing = (scores[0]?.checks ?? [])
    .filter((c) =>
      scores.some(
        (s) => s.checks.find((x) => x.dimension === c.dimension)?.constraint !== c.constraint,
      ),
    )
    .map(
      (c) =>
        `${DIMENSION_QUESTIONS[c.dimension].label}: ${scores
          .map(
            (s) => `${s.profile} ${s.checks.find((x) => x.dimension === c.dimension)?.constraint}`,
          )
          .join(", ")}`,
    );
  const why =
    differing.length > 0
      ? `They differ only where your answers satisfy both (${differing.join("; ")}), so no answer separates them.`
      : "The profiles set the same constraints on everything the tool asks, so no answer separates them.";
  return {
    kind: "same-constraints",
    text: `${why} Which stack does your team already run and operate: ${tied
      .map((p) => `${p.name} (${stack(p)})`)
      .join(" or ")}? Pick that one, or give the profiles different constraints.`,
    outcomes: [],
    byProfile: tied.map((p) => ({ profile: p.name, constraint: stack(p) })),
  };
}
