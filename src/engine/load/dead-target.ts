import type { Aggregate } from "./aggregate.js";
import { ERROR_LABELS } from "./error-kind.js";
import type { DeadTarget } from "./types.js";

/** How long every connect must fail, with nothing answering, before a run stops early. */
export const DEAD_TARGET_MS = 1_000;

/**
 * Nothing answered and every attempt failed to connect (refused, DNS) for `afterMs`:
 * the target is not there, and the rest of the run would only spin.
 */
export function deadTarget(url: string, agg: Aggregate, afterMs: number): DeadTarget | undefined {
  if (agg.responses > 0 || agg.otherTransportErrors > 0 || agg.connectFailures === 0)
    return undefined;
  const code = agg.firstError ?? "";
  const kind = code === "ECONNREFUSED" ? "refused" : "dns";
  return {
    address: addressOf(url),
    error: `${ERROR_LABELS[kind]}${code ? ` (${code})` : ""}`,
    afterMs: Math.round(afterMs),
  };
}

/** The one line a stopped run against a dead target ends with (error line, verdict, summary). */
export function deadTargetMessage(dead: DeadTarget): string {
  return `nothing answers at ${dead.address}: ${dead.error} (every attempt for ${(dead.afterMs / 1000).toFixed(1)} s; stopped)`;
}

/** host:port of a URL, with the scheme's default port when none is written. */
export function addressOf(url: string): string {
  const u = new URL(url);
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  return `${u.hostname}:${port}`;
}
