/**
 * What a server declares about its rate limit, from any of the header families in use:
 * - IETF draft-ietf-httpapi-ratelimit-headers, current form: `RateLimit-Policy: "default";q=100;w=60`
 *   and `RateLimit: "default";r=50;t=30`;
 * - its earlier drafts: `RateLimit-Policy: 100;w=60`, `RateLimit: limit=100, remaining=50, reset=5`,
 *   and the separate `RateLimit-Limit` / `RateLimit-Remaining` / `RateLimit-Reset`;
 * - the de-facto `X-RateLimit-Limit` / `-Remaining` / `-Reset`;
 * - `Retry-After` (seconds or an HTTP date).
 */
export interface DeclaredLimit {
  /** The smallest quota declared (requests per window). */
  limit?: number;
  /** The window of that quota, in seconds. */
  windowSeconds?: number;
  remaining?: number;
  resetSeconds?: number;
  retryAfterSeconds?: number;
  /** The headers it was read from, as `name: value`. */
  source: string[];
}

type Headers = Record<string, string | string[] | undefined>;

const NAMES = [
  "ratelimit-policy",
  "ratelimit",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "retry-after",
];

function get(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

/** A number at the start of a value (`100`, `100;w=60`, `100, 100;w=60`). */
function leadingNumber(value: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)/.exec(value ?? "");
  return m ? Number(m[1]) : undefined;
}

/** `key=value` parameters of one list member (`"default";q=100;w=60` or `limit=100, remaining=5`). */
function params(member: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of member.matchAll(/(?:^|[;,\s])([a-z-]+)=("?)(\d+(?:\.\d+)?)\2/gi))
    out.set(m[1]!.toLowerCase(), Number(m[3]));
  return out;
}

interface Policy {
  quota: number;
  window?: number;
}

/** Policies of a RateLimit-Policy value: `100;w=60`, `10;w=1, 1000;w=3600`, `"burst";q=100;w=60`. */
function policies(value: string): Policy[] {
  const out: Policy[] = [];
  for (const member of value.split(/,(?=\s*(?:"|[a-z]|\d))/i)) {
    const p = params(member);
    const quota = p.get("q") ?? leadingNumber(member);
    if (quota !== undefined) out.push({ quota, window: p.get("w") });
  }
  return out;
}

/** Retry-After as seconds from `now` (delta-seconds or an HTTP date). */
function retryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now) / 1000));
}

/** A reset that is an epoch timestamp (X-RateLimit-Reset: 1767225600) becomes seconds from now. */
function resetSeconds(value: number | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  return value > 1e9 ? Math.max(0, Math.round(value - now / 1000)) : value;
}

export function readDeclaredLimit(headers: Headers, now = Date.now()): DeclaredLimit | undefined {
  const source = NAMES.filter((n) => get(headers, n) !== undefined).map(
    (n) => `${n}: ${get(headers, n)}`,
  );
  if (source.length === 0) return undefined;
  const declared: DeclaredLimit = { source };
  const all = policies(get(headers, "ratelimit-policy") ?? "");
  const combined = params(get(headers, "ratelimit") ?? "");
  const limit =
    combined.get("limit") ??
    leadingNumber(get(headers, "ratelimit-limit")) ??
    leadingNumber(get(headers, "x-ratelimit-limit"));
  if (limit !== undefined)
    all.push({
      quota: limit,
      window: policies(
        get(headers, "ratelimit-limit") ?? get(headers, "x-ratelimit-limit") ?? "",
      )[0]?.window,
    });
  const smallest = all.sort((a, b) => a.quota - b.quota)[0];
  if (smallest) {
    declared.limit = smallest.quota;
    declared.windowSeconds = smallest.window;
  }
  declared.remaining =
    combined.get("r") ??
    combined.get("remaining") ??
    leadingNumber(get(headers, "ratelimit-remaining")) ??
    leadingNumber(get(headers, "x-ratelimit-remaining"));
  declared.resetSeconds = resetSeconds(
    combined.get("t") ??
      combined.get("reset") ??
      leadingNumber(get(headers, "ratelimit-reset")) ??
      leadingNumber(get(headers, "x-ratelimit-reset")),
    now,
  );
  declared.retryAfterSeconds = retryAfter(get(headers, "retry-after"), now);
  return declared;
}

/** `100 requests per 60 s, 42 remaining, reset in 30 s` from what was declared. */
export function describeDeclared(d: DeclaredLimit): string {
  const parts: string[] = [];
  if (d.limit !== undefined)
    parts.push(
      `${d.limit} requests${d.windowSeconds !== undefined ? ` per ${d.windowSeconds} s` : ""}`,
    );
  if (d.remaining !== undefined) parts.push(`${d.remaining} remaining`);
  if (d.resetSeconds !== undefined) parts.push(`reset in ${d.resetSeconds} s`);
  if (d.retryAfterSeconds !== undefined) parts.push(`retry after ${d.retryAfterSeconds} s`);
  return parts.join(", ") || d.source.join("; ");
}
