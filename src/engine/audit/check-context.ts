import type { AuditOperation } from "./operations.js";
import type { Prober } from "./prober.js";
import type { FindingDraft } from "./types.js";

export interface AuditOptions {
  /** The URL audited; header/CORS/method checks use it, spec paths are joined to its origin. */
  target: string;
  /** Operations from the OpenAPI spec, when one was given. */
  operations?: AuditOperation[];
  /** The value of the Authorization header, e.g. `Bearer eyJ…`. */
  auth?: string;
  /** A second user's Authorization value: with it, objects A can read must not be readable by B. */
  authB?: string;
  /** Requests in the rate-limit burst (default 30). */
  burst: number;
  /** Path (or same-origin URL) the burst goes to (default: the spec's cheapest GET, else the target). */
  rateLimitPath?: string;
  /** Does the spec describe asymmetric token signing (RS, ES or PS algorithms, or OpenID Connect)? */
  expectsAsymmetricJwt?: boolean;
}

export interface CheckContext {
  prober: Prober;
  signal?: AbortSignal;
  options: AuditOptions;
  /** Headers every request carries (the credential, when given). */
  authHeaders(): Record<string, string>;
  /** The second user's credential (--auth-b), or none. */
  authHeadersB(): Record<string, string>;
}

export type Check = (ctx: CheckContext) => Promise<FindingDraft[]>;
