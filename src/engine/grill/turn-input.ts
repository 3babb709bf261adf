import type { Answers } from "../decision/index.js";
import type { Field, NumberField, SurfacesField, TurnDef } from "./turn-types.js";

/**
 * Validate one turn's input and turn it into `Answers` values.
 * Input comes from the screen (strings as typed) or an answers file (YAML/JSON values), so every
 * field accepts both its typed value and its text form.
 */

export type TurnInput = Partial<Record<string, unknown>>;

export type InputResult =
  | { ok: true; values: Partial<Answers> }
  | { ok: false; field: string; message: string };

type FieldResult = { ok: true; value: unknown; set: boolean } | { ok: false; message: string };

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[.!"]+$/g, "")
    .replace(/\s+/g, " ");

const isBlank = (v: unknown) => v === undefined || (typeof v === "string" && v.trim() === "");

function formatRange(f: NumberField): string {
  const unit = f.unit ? ` ${f.unit}` : "";
  return `between ${f.min} and ${f.max.toLocaleString("en-US")}${unit}`;
}

function parseNumber(f: NumberField, raw: unknown): FieldResult {
  if (raw === null || isBlank(raw)) {
    if (f.noNumber) return { ok: true, value: null, set: true };
    if (f.optional) return { ok: true, value: undefined, set: false };
    return { ok: false, message: `${f.label}: a number is needed (${formatRange(f)})` };
  }
  let n: number;
  if (typeof raw === "number") n = raw;
  else if (typeof raw === "string") {
    const text = normalise(raw);
    if (f.noNumber?.phrases.some((p) => normalise(p) === text)) {
      return { ok: true, value: null, set: true };
    }
    const cleaned = text.replace(/[,_](?=\d{3}\b)/g, "").replace(/%$/, "");
    n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  } else n = Number.NaN;
  if (!Number.isFinite(n)) {
    const extra = f.noNumber ? `; ${f.noNumber.hint}` : "";
    return { ok: false, message: `${f.label}: "${String(raw)}" is not a number${extra}` };
  }
  if (n < f.min || n > f.max) {
    return {
      ok: false,
      message: `${f.label}: ${n} is out of range; give a number ${formatRange(f)}`,
    };
  }
  if (f.integer && !Number.isInteger(n)) {
    return { ok: false, message: `${f.label}: ${n} must be a whole number` };
  }
  return { ok: true, value: n, set: true };
}

/** `billing 0/15, search 60/240` (or an object from a file) → per-surface RPO/RTO. */
function parseSurfaces(f: SurfacesField, raw: unknown): FieldResult {
  if (raw === null || isBlank(raw)) return { ok: true, value: undefined, set: false };
  const out: Record<string, { rpoMinutes: number; rtoMinutes: number }> = {};
  if (typeof raw === "object" && !Array.isArray(raw)) {
    for (const [name, v] of Object.entries(raw as Record<string, unknown>)) {
      const o = (v ?? {}) as Record<string, unknown>;
      const rpo = o.rpoMinutes;
      const rto = o.rtoMinutes;
      if (typeof rpo !== "number" || typeof rto !== "number" || rpo < 0 || rto < 0) {
        return {
          ok: false,
          message: `${f.label}: surface "${name}" needs rpoMinutes and rtoMinutes as numbers ≥ 0`,
        };
      }
      out[name] = { rpoMinutes: rpo, rtoMinutes: rto };
    }
    return { ok: true, value: out, set: true };
  }
  if (typeof raw !== "string") {
    return { ok: false, message: `${f.label}: write it as "name rpo/rto, …"` };
  }
  for (const part of raw.split(",")) {
    const m = /^\s*([\w .-]*?[\w.-])\s*[:=]?\s+(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(
      part,
    );
    if (!m) {
      return {
        ok: false,
        message: `${f.label}: "${part.trim()}" is not "name rpo/rto" (minutes), e.g. "billing 0/15"`,
      };
    }
    out[m[1]!] = { rpoMinutes: Number(m[2]), rtoMinutes: Number(m[3]) };
  }
  return { ok: true, value: out, set: true };
}

function parseField(f: Field, raw: unknown): FieldResult {
  switch (f.kind) {
    case "number":
      return parseNumber(f, raw);
    case "surfaces":
      return parseSurfaces(f, raw);
    case "text": {
      if (raw !== undefined && raw !== null && typeof raw !== "string" && typeof raw !== "number") {
        return { ok: false, message: `${f.label}: expected text` };
      }
      const text = raw === undefined || raw === null ? "" : String(raw).trim();
      if (text === "" && f.required)
        return { ok: false, message: `${f.label}: an answer is needed` };
      if (text === "" && f.optional) return { ok: true, value: undefined, set: false };
      return { ok: true, value: text, set: true };
    }
    case "yesno": {
      if (raw === undefined && f.optional) return { ok: true, value: f.default, set: true };
      if (typeof raw === "boolean") return { ok: true, value: raw, set: true };
      const text = typeof raw === "string" ? normalise(raw) : "";
      if (["yes", "y", "true"].includes(text)) return { ok: true, value: true, set: true };
      if (["no", "n", "false"].includes(text)) return { ok: true, value: false, set: true };
      return { ok: false, message: `${f.label}: answer yes or no` };
    }
    case "choice": {
      if (isBlank(raw) && f.optional) return { ok: true, value: undefined, set: false };
      const option = f.options.find((o) => o.value === raw);
      if (!option) {
        const allowed = f.options.map((o) => o.value).join(", ");
        return {
          ok: false,
          message: `${f.label}: "${String(raw ?? "")}" is not one of ${allowed}`,
        };
      }
      if (f.none !== undefined && option.value === f.none) {
        return { ok: true, value: undefined, set: false };
      }
      return { ok: true, value: option.value, set: true };
    }
  }
}

/** Validate every field of a turn; the first problem is reported with the field it belongs to. */
export function parseTurnInput(turn: TurnDef, input: TurnInput): InputResult {
  const values: Record<string, unknown> = {};
  for (const field of turn.fields) {
    const r = parseField(field, input[field.key]);
    if (!r.ok) return { ok: false, field: field.key, message: r.message };
    if (r.set) values[field.key] = r.value;
  }
  return { ok: true, values: values as Partial<Answers> };
}

/** The fields an answers file must name for this turn (the rest may be left out). */
export function requiredKeys(turn: TurnDef): string[] {
  return turn.fields.filter((f) => !f.optional).map((f) => f.key);
}
