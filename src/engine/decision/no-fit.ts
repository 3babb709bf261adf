import { dirname } from "node:path";
import { DIMENSION_QUESTIONS } from "./dimension-questions.js";
import type { Profile } from "./profile.js";
import { DEFAULT_PROFILES_DIR } from "./profile-loader.js";
import type { ConstraintCheck, ProfileScore } from "./scoring.js";

/** How many of the closest profiles a no-fit decision lists. */
export const CLOSEST_LIMIT = 3;

/**
 * One reason a closest profile is ruled out, and what would have to change for it to fit:
 * a violated hard constraint (`dimension` set) or one of its own kill anti-patterns (`antiPattern` set).
 */
export interface RequiredChange {
  dimension?: ConstraintCheck["dimension"];
  antiPattern?: string;
  answer: string;
  constraint: string;
  /** In words: your answer would have to change, or a custom profile would have to allow it. */
  change: string;
}

export interface ClosestProfile {
  profile: string;
  title: string;
  fitScore: number;
  /** Why it cannot be recommended (hard constraints, kill anti-patterns), with the change each needs. */
  changes: RequiredChange[];
  /** Soft constraints it also violates (they lower the fit, they do not rule it out). */
  softViolations: string[];
}

/** A value to set in the copied profile so that it allows your answers. */
export interface ProfileEdit {
  pointer: string;
  value: unknown;
}

/** How to write a custom profile that fits, starting from the closest one. */
export interface CustomProfileGuide {
  copyFrom: string;
  copyTo: string;
  edits: ProfileEdit[];
  steps: string[];
}

function changeFor(c: ConstraintCheck, p: Profile): string {
  const label = DIMENSION_QUESTIONS[c.dimension].label;
  switch (c.dimension) {
    case "languagePreference":
      return `a custom profile for ${c.answer} (${p.name} is for ${c.constraint} teams; a team does not switch language to fit a template)`;
    case "dataSensitivity":
      return `keep ${c.answer} data out of this service (a separate, audited store) so it holds ${c.constraint.replace("≤ ", "")} at most, or write a custom profile that allows ${c.answer}, signed off by your compliance owner`;
    default:
      return `your ${label} would have to be ${c.constraint} instead of ${c.answer}, or a custom profile would have to allow ${c.answer}`;
  }
}

function editFor(c: ConstraintCheck, p: Profile): ProfileEdit | undefined {
  const k = p.constraints;
  const add = <T>(list: readonly T[] | undefined, v: T) => [...(list ?? []), v];
  switch (c.dimension) {
    case "languagePreference":
      return { pointer: "/constraints/languages", value: [c.answer] };
    case "pattern":
      return { pointer: "/constraints/patterns", value: add(k.patterns, c.answer) };
    case "tenancy":
      return { pointer: "/constraints/tenancies", value: add(k.tenancies, c.answer) };
    case "dataSensitivity":
      return { pointer: "/constraints/maxSensitivity", value: c.answer };
    default:
      return c.constraintName
        ? { pointer: `/constraints/${c.constraintName}`, value: null }
        : undefined;
  }
}

/** The closest profiles (fewest hard violations, then the ranking) and what would have to change. */
export function closestProfiles(
  ranking: ProfileScore[],
  byName: Map<string, Profile>,
): ClosestProfile[] {
  return ranking.slice(0, CLOSEST_LIMIT).map((s) => {
    const profile = byName.get(s.profile)!;
    return {
      profile: s.profile,
      title: s.title,
      fitScore: s.fitScore,
      changes: [
        ...s.hardViolations.map((h) => ({
          dimension: h.dimension,
          answer: h.answer,
          constraint: h.constraint,
          change: changeFor(h, profile),
        })),
        ...s.trippedKills.map((k) => ({
          antiPattern: k.id,
          answer: k.because,
          constraint: k.what,
          change: `${k.what} is a kill for ${profile.name} (${k.reason}); change the facts that trip it: ${k.because}`,
        })),
      ],
      softViolations: s.violated.filter((c) => c.strength === "soft").map((c) => c.detail),
    };
  });
}

/** A path as the user would type it: `profiles/x.json` for the shipped folder. */
function shown(file: string | undefined, name: string): string {
  if (!file || dirname(file) === DEFAULT_PROFILES_DIR) return `profiles/${name}.json`;
  return file;
}

/** Steps to copy the closest profile into a custom one that allows the answers. */
export function customProfileGuide(score: ProfileScore, profile: Profile): CustomProfileGuide {
  const copyFrom = shown(profile.file, profile.name);
  const copyTo = `${dirname(copyFrom)}/<your-org>.json`;
  const edits: ProfileEdit[] = [{ pointer: "/name", value: "<your-org>" }];
  for (const h of score.hardViolations) {
    const e = editFor(h, profile);
    if (e) edits.push(e);
  }
  const languageChanged = score.hardViolations.some((h) => h.dimension === "languagePreference");
  const setting = edits
    .slice(1)
    .map((e) =>
      e.value === null
        ? `${e.pointer} (widen or remove it)`
        : `${e.pointer} to ${JSON.stringify(e.value)}`,
    );
  const steps = [
    `Copy ${copyFrom} to ${copyTo} (or into a folder you pass with --profiles-dir).`,
    `Set "name" to the file name without .json, and "title" and "whenToPick" to what the profile is for.`,
    ...(setting.length > 0 ? [`Set ${setting.join(", ")}.`] : []),
    ...(languageChanged
      ? [
          `Replace "stack" and "antiRecommendations" with the picks and pitfalls of your ${score.hardViolations.find((h) => h.dimension === "languagePreference")?.answer} ecosystem.`,
        ]
      : []),
    `Review "successThresholds" and keep "approvals": a production schema change needs a DBA and the on-call engineer; add people's names as you know them.`,
    `Check it with \`senior-backend decide --list-profiles\` (a broken file is reported by file and field), then run decide again.`,
  ];
  return { copyFrom, copyTo, edits, steps };
}
