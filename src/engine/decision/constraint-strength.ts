import type { ConstraintName, ConstraintStrength, Profile } from "./profile.js";

/**
 * Constraints that are hard unless a profile says otherwise: a team cannot adopt a stack in a
 * language it does not use, put data above the tier the profile is sized for, or change its
 * tenancy model and architecture pattern to suit a template. Everything else is soft.
 */
export const DEFAULT_HARD_CONSTRAINTS: readonly ConstraintName[] = [
  "languages",
  "maxSensitivity",
  "tenancies",
  "patterns",
];

/** Every constraint name a profile may set, in the order the schema lists them. */
export const CONSTRAINT_NAMES: readonly ConstraintName[] = [
  "teamSize",
  "patterns",
  "tenancies",
  "maxSensitivity",
  "qpsP99",
  "readWriteRatio",
  "languages",
  "interactionStyles",
  "requiresPlatformTeam",
  "requiresAdminPanel",
  "providesAdminPanel",
];

/** Hard or soft for one constraint of one profile (the profile's own word, else the default). */
export function strengthOf(profile: Profile, name: ConstraintName): ConstraintStrength {
  return (
    profile.constraintStrength?.[name] ??
    (DEFAULT_HARD_CONSTRAINTS.includes(name) ? "hard" : "soft")
  );
}
