import type { Answers } from "../decision/index.js";
import type { Field, TurnDef } from "./turn-types.js";

/** An answer in words, as the transcript and the screens show it. */

function fieldText(field: Field, values: Partial<Answers>): string {
  const value = (values as Record<string, unknown>)[field.key];
  switch (field.kind) {
    case "number":
      if (value === null) return "no number";
      if (value === undefined) return "—";
      return `${value}${field.unit ? ` ${field.unit}` : ""}`;
    case "choice":
      if (value === undefined)
        return field.options.find((o) => o.value === field.none)?.label ?? "—";
      return field.options.find((o) => o.value === value)?.label ?? String(value);
    case "yesno":
      return value === true ? field.yes : value === false ? field.no : "—";
    case "text":
      return typeof value === "string" && value !== "" ? value : "(blank)";
    case "surfaces": {
      if (value === undefined) return "(none)";
      const entries = Object.entries(
        value as Record<string, { rpoMinutes: number; rtoMinutes: number }>,
      );
      return entries.map(([name, o]) => `${name} ${o.rpoMinutes}/${o.rtoMinutes} min`).join(", ");
    }
  }
}

export function describeAnswer(turn: TurnDef, values: Partial<Answers>): string {
  if (turn.fields.length === 1) return fieldText(turn.fields[0]!, values);
  return turn.fields.map((f) => `${f.label}: ${fieldText(f, values)}`).join("; ");
}

/** The text a person would type or select to give `values` again (used to pre-fill after Esc). */
export function inputFromValues(turn: TurnDef, values: Partial<Answers>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of turn.fields) {
    const v = (values as Record<string, unknown>)[f.key];
    if (f.kind === "yesno") out[f.key] = v === true ? "yes" : v === false ? "no" : "";
    else if (f.kind === "choice") out[f.key] = typeof v === "string" ? v : (f.none ?? "");
    else if (f.kind === "surfaces") {
      out[f.key] = v === undefined ? "" : fieldText(f, values).replace(/ min/g, "");
    } else out[f.key] = v === undefined || v === null ? "" : String(v);
  }
  return out;
}
