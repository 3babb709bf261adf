import type { SloFloor } from "../engine/decision/index.js";
import { sloFloorLine } from "./review-digest.js";

/** What the full review text needs (the review of src/cli/commands/review/compose.ts). */
export interface ReviewTextInput {
  status: string;
  grill: {
    status: string;
    answered: number;
    question: number;
    of: number;
    transcript: string | null;
  };
  bestFit: { profile: string; title: string; fitScore: number } | null;
  runnerUp: { profile: string; title: string; fitScore: number } | null;
  whyNone: string | null;
  kills: Array<{ title: string; question: number; reason: string; remedy: string }>;
  missing: Array<{ flag: string; label: string; question: number }>;
  sloFloor: SloFloor | null;
  nextConcerns: Array<{ title: string; why: string; command: string | null }>;
  nextSteps: string[];
}

/** The human text of `senior-backend review`: status first, then kills, fit, floor, concerns. */
export function reviewText(r: ReviewTextInput): string {
  const lines: string[] = [];
  lines.push(`Review: ${r.status}`);
  lines.push(
    `Grill: ${r.grill.status}, question ${r.grill.question}/${r.grill.of}, ${r.grill.answered} answers${r.grill.transcript ? ` (transcript ${r.grill.transcript})` : ""}`,
  );
  lines.push("");
  if (r.kills.length > 0) {
    lines.push("Kill criteria tripped:");
    for (const k of r.kills) {
      lines.push(`  ✖ ${k.title} (question ${k.question})`);
      lines.push(`    why: ${k.reason}`, `    remedy: ${k.remedy}`);
    }
    lines.push("");
  }
  if (r.bestFit) {
    lines.push(
      `Best fit: ${r.bestFit.profile} — ${r.bestFit.title} (fit ${r.bestFit.fitScore.toFixed(1)}/100)`,
    );
    if (r.runnerUp)
      lines.push(`Runner-up: ${r.runnerUp.profile} (fit ${r.runnerUp.fitScore.toFixed(1)}/100)`);
  } else {
    lines.push(`No best fit: ${r.whyNone ?? "none recommended"}`);
  }
  for (const m of r.missing)
    lines.push(`  missing: ${m.label} (${m.flag}, question ${m.question})`);
  lines.push(`SLO floor: ${sloFloorLine(r.sloFloor)}`);
  if (r.nextConcerns.length > 0) {
    lines.push("", "Next concerns:");
    for (const c of r.nextConcerns) {
      lines.push(`  • ${c.title}: ${c.why}`);
      lines.push(`    ${c.command ? `→ ${c.command}` : "→ (taken up by a person, not a command)"}`);
    }
  }
  lines.push("", "Next steps:");
  r.nextSteps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s}`);
  });
  return lines.join("\n");
}
