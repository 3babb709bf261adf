import type { Decision } from "../engine/decision/index.js";

const ms = (v: number | undefined) => (v === undefined ? "—" : `${v} ms`);
const min = (v: number | undefined) => (v === undefined ? "—" : `${v} min`);

/** The few lines printed to the normal screen after the decision screen is left. */
export function decisionSummary(decision: Decision): string {
  const best = decision.best;
  if (!best) {
    const lines = [`decide: ${decision.status} — ${decision.summary}`];
    if (decision.kills.length > 0)
      lines.push(`kill criteria tripped: ${decision.kills.map((k) => k.id).join(", ")}`);
    return lines.join("\n");
  }
  const f = best.sloFloor;
  const schema = best.approvers.approvals.find((a) => a.change === "production-schema-change");
  const lines = [
    `decide: ${decision.status} — best fit ${best.score.profile} (fit ${best.score.fitScore.toFixed(1)}/100)${
      decision.runnerUp
        ? `, runner-up ${decision.runnerUp.score.profile} (${decision.runnerUp.score.fitScore.toFixed(1)})`
        : ""
    }`,
    decision.kills.length > 0
      ? `kill criteria tripped: ${decision.kills.map((k) => k.id).join(", ")}`
      : "kill criteria: none tripped",
    `SLO floor${best.complete ? "" : " (incomplete)"}: p50 ${ms(f.latencyMs.p50)}, p95 ${ms(f.latencyMs.p95)}, p99 ${ms(f.latencyMs.p99)}, uptime ${f.uptimePercent ?? "—"}%, RPO ${min(f.rpoMinutes)}, RTO ${min(f.rtoMinutes)}`,
  ];
  if (schema)
    lines.push(
      `approvers for a production schema change: ${schema.chain.map((p) => p.name ?? p.title).join(", ")} (nothing is auto-approved)`,
    );
  return lines.join("\n");
}
