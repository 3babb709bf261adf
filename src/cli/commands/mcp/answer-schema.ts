import { z } from "zod";
import { type Field, TURNS } from "../../../engine/grill/index.js";

/**
 * The grill's answers as a zod shape, built from the turns themselves so the schema an agent sees
 * (enums, ranges, units, the question each key answers) is the one the grill validates against.
 */
function fieldSchema(field: Field, question: string): z.ZodType {
  const about = `${field.label} — ${question}`;
  switch (field.kind) {
    case "choice":
      return z
        .enum(field.options.map((o) => o.value) as [string, ...string[]])
        .describe(
          `${about} One of: ${field.options.map((o) => `${o.value} (${o.label})`).join("; ")}.`,
        );
    case "yesno":
      return z.boolean().describe(`${about} (true = ${field.yes}; false = ${field.no})`);
    case "number": {
      let n = z.number().min(field.min).max(field.max);
      if (field.integer) n = n.int();
      const unit = field.unit ? ` Unit: ${field.unit}.` : "";
      const range = ` Range ${field.min}–${field.max}.`;
      const none = field.noNumber
        ? ` null means "we have no number" (${field.noNumber.hint}).`
        : "";
      const schema = field.noNumber ? n.nullable() : n;
      return schema.describe(`${about}${unit}${range}${none}`);
    }
    case "text":
      return z.string().max(2000).describe(about);
    case "surfaces":
      return z
        .record(
          z.string().max(100),
          z.object({
            rpoMinutes: z.number().min(0).describe("recovery point objective, minutes"),
            rtoMinutes: z.number().min(0).describe("recovery time objective, minutes"),
          }),
        )
        .describe(`${about} Per surface, e.g. {"billing": {"rpoMinutes": 0, "rtoMinutes": 15}}.`);
  }
}

function buildShape(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const turn of TURNS) {
    const question = `Q${turn.question}${turn.followUp ? " follow-up" : ""}: ${turn.text}`;
    for (const field of turn.fields) {
      if (!shape[field.key]) shape[field.key] = fieldSchema(field, question).optional();
    }
  }
  return shape;
}

/** Every answer key, optional; unknown keys are refused. */
export const answersSchema = z.strictObject(buildShape());

export type AnswersArgument = z.infer<typeof answersSchema>;
