import { UserError } from "../shared/index.js";

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The longest duration a flag takes: 7 days (Node.js timers stop at about 24.8 days). */
export const MAX_DURATION_MS = 7 * 24 * 3_600_000;

/**
 * Parse a duration such as `250ms`, `10s`, `2m` or a bare number in `defaultUnit`.
 * Throws a UserError naming `what` when it is not a positive duration.
 */
export function parseDurationMs(text: string, what: string, defaultUnit = "s"): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|m|h)?\s*$/i.exec(text);
  const unit = (m?.[2] ?? defaultUnit).toLowerCase();
  const value = m ? Number(m[1]) * UNIT_MS[unit]! : Number.NaN;
  if (!Number.isFinite(value) || value < 0) {
    throw new UserError(`${what}: "${text}" is not a duration`, {
      hint: "use a number of seconds or a value with a unit: 500ms, 10s, 2m",
    });
  }
  if (value > MAX_DURATION_MS) {
    throw new UserError(`${what}: "${text}" is longer than 7 days`, {
      hint: "at most 604800 seconds (168h); e.g. 30s, 10m or 2h",
    });
  }
  return value;
}

/** Parse a positive whole number (connections, requests, workers). */
export function parsePositiveInt(text: string | number, what: string, allowZero = false): number {
  const value = typeof text === "number" ? text : Number(String(text).trim());
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new UserError(`${what}: "${text}" is not a whole number${allowZero ? "" : " above 0"}`);
  }
  return value;
}

/** Parse a positive number (requests per second). */
export function parsePositiveNumber(text: string | number, what: string): number {
  const value = typeof text === "number" ? text : Number(String(text).trim());
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError(`${what}: "${text}" is not a number above 0`);
  }
  return value;
}
