import type { SloFloor } from "../engine/decision/index.js";

/** What the digest needs of a review (src/cli/commands/review/compose.ts builds it). */
export interface DigestInput {
  status: string;
  bestFit: { profile: string; fitScore: number } | null;
  runnerUp: { profile: string; fitScore: number } | null;
  whyNone: string | null;
  kills: Array<{ title: string; question: number }>;
  sloFloor: SloFloor | null;
  nextSteps: string[];
}

export const DIGEST_MAX_WORDS = 200;

const oneDecimal = (n: number) => n.toFixed(1);

/** `p99 ≤ 500 ms (p95 250, p50 80), uptime ≥ 99.5%, RPO 60 min, RTO 240 min`. */
export function sloFloorLine(floor: SloFloor | null): string {
  if (!floor) return "none (no profile recommended)";
  const parts: string[] = [];
  const { p50, p95, p99 } = floor.latencyMs;
  if (p99 !== undefined) {
    const lower = [p95 !== undefined ? `p95 ${p95}` : "", p50 !== undefined ? `p50 ${p50}` : ""]
      .filter(Boolean)
      .join(", ");
    parts.push(`p99 ≤ ${p99} ms${lower ? ` (${lower})` : ""}`);
  }
  if (floor.uptimePercent !== undefined) parts.push(`uptime ≥ ${floor.uptimePercent}%`);
  if (floor.rpoMinutes !== undefined) parts.push(`RPO ${floor.rpoMinutes} min`);
  if (floor.rtoMinutes !== undefined) parts.push(`RTO ${floor.rtoMinutes} min`);
  if (floor.missing.length > 0) parts.push(`unknown: ${floor.missing.join(", ")}`);
  return parts.join(", ") || "unknown";
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Cut to at most `max` words, keeping whole lines where possible. */
export function limitWords(text: string, max: number): string {
  if (words(text) <= max) return text;
  const out: string[] = [];
  let used = 0;
  for (const line of text.split("\n")) {
    const n = words(line);
    if (used + n <= max - 1) {
      out.push(line);
      used += n;
      continue;
    }
    const room = max - 1 - used;
    if (room > 0) out.push(`${line.split(/\s+/).filter(Boolean).slice(0, room).join(" ")} …`);
    break;
  }
  return out.join("\n");
}

/**
 * The sub-agent digest: at most 200 words — status, best fit or why none, kills, SLO floor,
 * the next three steps.
 */
export function reviewDigest(review: DigestInput): string {
  const lines: string[] = [];
  if (review.bestFit) {
    const runner = review.runnerUp
      ? `; runner-up ${review.runnerUp.profile} (${oneDecimal(review.runnerUp.fitScore)})`
      : "";
    lines.push(
      `Status: ${review.status}. Best fit: ${review.bestFit.profile} (fit ${oneDecimal(review.bestFit.fitScore)}/100)${runner}.`,
    );
  } else {
    const why = (review.whyNone ?? "none recommended").replace(/\.$/, "");
    lines.push(`Status: ${review.status}. No best fit: ${why}.`);
  }
  lines.push(
    `Kills: ${review.kills.length === 0 ? "none" : review.kills.map((k) => `${k.title} (Q${k.question})`).join("; ")}.`,
  );
  lines.push(`SLO floor: ${sloFloorLine(review.sloFloor)}.`);
  lines.push("Next:");
  review.nextSteps.slice(0, 3).forEach((step, i) => {
    lines.push(`${i + 1}. ${step}`);
  });
  return limitWords(lines.join("\n"), DIGEST_MAX_WORDS);
}
