import type { ConstraintName, NumericRange, Profile } from "./profile.js";

export type ConstraintStatus = "matched" | "violated" | "neutral";

/** How one answer compares with one profile constraint, before weights and hard/soft apply. */
export type Verdict = {
  status: ConstraintStatus;
  detail: string;
  constraint: string;
  constraintName?: ConstraintName;
};
export const neutral = (detail: string): Verdict => ({
  status: "neutral",
  detail,
  constraint: "—",
});
export const verdict = (
  ok: boolean,
  yes: string,
  no: string,
  constraint: string,
  constraintName: ConstraintName,
): Verdict => ({
  status: ok ? "matched" : "violated",
  detail: ok ? yes : no,
  constraint,
  constraintName,
});

export function formatRange(range: NumericRange, unit = ""): string {
  if (range.min !== undefined && range.max !== undefined) return `${range.min}–${range.max}${unit}`;
  if (range.min !== undefined) return `≥ ${range.min}${unit}`;
  return `≤ ${range.max}${unit}`;
}

const inRange = (value: number, r: NumericRange) =>
  (r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max);

export function rangeCheck(
  value: number,
  range: NumericRange | undefined,
  name: ConstraintName,
  label: string,
  unit = "",
): Verdict {
  if (!range) return neutral(`${label}: the profile sets no range`);
  const where = formatRange(range, unit);
  return verdict(
    inRange(value, range),
    `${label} within ${where}`,
    `${label} outside ${where}`,
    where,
    name,
  );
}

/** Exact membership: the answer must equal one of the listed values (never a substring). */
export function oneOf<T extends string>(
  value: T,
  allowed: readonly T[] | undefined,
  name: ConstraintName,
  label: string,
): Verdict {
  if (!allowed) return neutral(`${label}: the profile does not restrict it`);
  const list = allowed.join(", ");
  return verdict(
    allowed.includes(value),
    `${label} ${value} is one of ${list}`,
    `${label} ${value} is not one of ${list}`,
    list,
    name,
  );
}

export function platformTeam(has: boolean, required: boolean | undefined): Verdict {
  const name: ConstraintName = "requiresPlatformTeam";
  if (required === undefined) return neutral("platform team: the profile does not depend on it");
  if (required)
    return verdict(
      has,
      "platform team: present, as required",
      "platform team: missing, required to run these services",
      "required",
      name,
    );
  return has
    ? { ...neutral("platform team: present, not needed by the profile"), constraint: "not needed" }
    : {
        status: "matched",
        detail: "platform team: not needed, as the profile assumes",
        constraint: "not needed",
        constraintName: name,
      };
}

/** An admin panel: favours a stack that ships one when it is needed, and disfavours one built around it when not. */
export function adminPanel(needs: boolean, p: Profile["constraints"]): Verdict {
  if (needs) {
    if (p.providesAdminPanel === true || p.requiresAdminPanel === true) {
      const name = p.providesAdminPanel === true ? "providesAdminPanel" : "requiresAdminPanel";
      return verdict(true, "admin panel needed: the stack ships one", "", "ships one", name);
    }
    if (p.providesAdminPanel === false)
      return verdict(
        false,
        "",
        "admin panel needed: the stack has none, so you would build or buy one",
        "ships none",
        "providesAdminPanel",
      );
    return neutral("admin panel needed: the profile does not say whether its stack ships one");
  }
  if (p.requiresAdminPanel === true)
    return verdict(
      false,
      "",
      "admin panel not needed: the profile is built around one",
      "built around one",
      "requiresAdminPanel",
    );
  if (p.requiresAdminPanel === false)
    return verdict(
      true,
      "admin panel not needed, as the profile assumes",
      "",
      "not needed",
      "requiresAdminPanel",
    );
  return neutral("admin panel not needed: the profile does not depend on it");
}
