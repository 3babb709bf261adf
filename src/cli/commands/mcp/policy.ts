import { isIP } from "node:net";
import { UserError } from "../../../engine/shared/index.js";

/**
 * What the agent server lets a tool call do. Agents are not trusted with the network or the
 * database: traffic goes only to loopback unless the operator named a host with `--allow-host`,
 * migrations are dry runs unless the server started with `--allow-apply`, and every run is capped.
 */
export interface McpPolicy {
  /** Host names (or host:port) the operator allowed besides loopback, lower-cased. */
  allowHosts: string[];
  /** `db_migrate` may apply for real (otherwise it is always a dry run). */
  allowApply: boolean;
  /** Profiles folder for grill/decide/review (default: the bundled profiles). */
  profilesDir?: string;
  /** Where a finished grill's transcript is written (default /tmp, as the CLI). */
  transcriptDir?: string;
}

/** The caps every tool call lives within (the input schemas say the same in their descriptions). */
export const LIMITS = {
  load: {
    maxDurationSeconds: 60,
    defaultDurationSeconds: 5,
    maxConcurrency: 64,
    maxRequests: 100_000,
    maxRate: 5_000,
    maxTimeoutSeconds: 30,
  },
  audit: {
    maxRequests: 500,
    defaultMaxRequests: 150,
    maxBurst: 100,
    defaultBurst: 30,
    maxTimeoutSeconds: 15,
    defaultTimeoutSeconds: 5,
  },
  db: { maxLockTimeoutSeconds: 60 },
  /** Wall-clock ceiling of one tool call (load adds its own duration on top). */
  callSeconds: 120,
} as const;

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const kind = isIP(host);
  if (kind === 4) return host.startsWith("127.");
  if (kind === 6) {
    if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
    // IPv4-mapped loopback, written dotted (::ffff:127.0.0.1) or as URL parsing leaves it (::ffff:7f00:1).
    const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (dotted) return dotted[1]!.startsWith("127.");
    return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
  }
  return false;
}

/**
 * Refuse a target outside loopback and the operator's `--allow-host` list.
 * `what` names the argument in the message (e.g. "url").
 */
export function assertTargetAllowed(policy: McpPolicy, target: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UserError(`${what}: "${target}" is not a URL`, {
      hint: "give a full URL such as http://127.0.0.1:3000/health",
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UserError(`${what}: only http and https URLs, not ${url.protocol.replace(":", "")}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isLoopbackHost(host)) return url;
  const withPort = `${host}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
  if (policy.allowHosts.some((h) => h === host || h === withPort)) return url;
  throw new UserError(
    `${what}: ${url.host} is not a loopback address, and this server was not started with --allow-host ${host}`,
    {
      hint: `the operator can add it: senior-backend mcp --allow-host ${host} (only loopback targets are reached by default)`,
    },
  );
}

/** Normalise `--allow-host` values: lower-case, no scheme, no path; `host` or `host:port`. */
export function normaliseAllowedHost(value: string): string {
  const trimmed = value.trim().toLowerCase();
  let host = trimmed;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed)) {
    const url = new URL(trimmed);
    host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  }
  host = host.replace(/\/.*$/, "").replace(/^\[|\]$/g, "");
  if (!host || /\s/.test(host)) {
    throw new UserError(`--allow-host: "${value}" is not a host name`, {
      hint: "e.g. --allow-host staging.example.com or --allow-host 10.0.0.5:8080",
    });
  }
  return host;
}
