import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { KILL_CRITERIA } from "../../../src/engine/decision/index.js";
import { FORCING_QUESTIONS, TURNS } from "../../../src/engine/grill/index.js";
import { repoRoot } from "../../helpers/cli.js";

const reference = readFileSync(resolve(repoRoot, "references/forcing_questions.md"), "utf8");

describe("references/forcing_questions.md agrees with the question bank", () => {
  it.each(FORCING_QUESTIONS.map((q) => [q.question, q] as const))(
    "question %i: heading, text, options and canon",
    (n, q) => {
      expect(reference).toContain(`## ${n}. ${q.title}`);
      expect(reference).toContain(q.text);
      for (const field of q.fields) {
        if (field.kind === "choice") {
          for (const o of field.options) expect(reference).toContain(`\`${o.value}\` — ${o.label}`);
          expect(reference).toContain(`**Default:** \`${field.default}\``);
        }
        if (field.kind === "number")
          expect(reference).toContain(`\`${field.key}\` — ${field.label}`);
      }
      for (const canon of q.canon) expect(reference).toContain(canon);
    },
  );

  it("lists every follow-up turn with its question text and answer keys", () => {
    for (const turn of TURNS.filter((t) => t.followUp)) {
      expect(reference).toContain(`**${turn.title}** — ${turn.text}`);
      for (const f of turn.fields) expect(reference).toContain(`\`${f.key}\``);
    }
  });

  it("states every kill criterion with its reason and remedy", () => {
    for (const k of KILL_CRITERIA) {
      expect(reference).toContain(`**Kill criterion — ${k.title}.** ${k.reason}`);
      expect(reference).toContain(`**Remedy:** ${k.remedy}`);
    }
  });
});
