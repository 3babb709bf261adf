import { redactConnectionString } from "../shared/redact.js";
import { UserError } from "../shared/user-error.js";

/**
 * What a connection can be given as: a postgres:// or postgresql:// URL, a libpq key=value string
 * ("host=db port=5432 user=app dbname=shop"), or nothing (DATABASE_URL, then the PG* variables).
 * Anything else is refused with one line (exit 2) that never shows the password.
 */

const LIBPQ_KEYS = new Set([
  "host",
  "hostaddr",
  "port",
  "dbname",
  "user",
  "password",
  "passfile",
  "connect_timeout",
  "client_encoding",
  "options",
  "application_name",
  "fallback_application_name",
  "keepalives",
  "keepalives_idle",
  "keepalives_interval",
  "keepalives_count",
  "sslmode",
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslcrl",
  "sslpassword",
  "target_session_attrs",
]);

const HINT =
  "use a postgres://user@host:5432/dbname URL (password after the user, or PGPASSWORD), a key=value string (host=… dbname=…), or the PG* variables";

const SSL_MODES = new Set([
  "disable",
  "allow",
  "prefer",
  "require",
  "verify-ca",
  "verify-full",
  "no-verify",
]);

const validPort = (port: string) =>
  /^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535;

function checkSslMode(mode: string | undefined | null, where: string): void {
  if (mode !== undefined && mode !== null && !SSL_MODES.has(mode)) {
    throw new UserError(
      `invalid sslmode ${JSON.stringify(mode)} in ${where} (disable, allow, prefer, require, verify-ca, verify-full)`,
      { hint: HINT },
    );
  }
}

/**
 * The PG* variables pg reads by itself (PGPORT, PGSSLMODE): checked like the same values in a connection
 * string, since pg given a bad PGPORT neither connects nor fails (the run would end silently).
 */
export function checkLibpqEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  if (env.PGPORT !== undefined && env.PGPORT !== "" && !validPort(env.PGPORT)) {
    throw new UserError(`invalid port ${env.PGPORT} in PGPORT (1–65535)`, { hint: HINT });
  }
  if (env.PGSSLMODE) checkSslMode(env.PGSSLMODE, "PGSSLMODE");
}

/** A URL scheme at the start ("mysql://", "postgres://"). */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const KEY_VALUE = /^\s*[a-z_]+\s*=/i;

/** Does this text mean a database rather than a file (a URL of any scheme, key=value, or user@host)? */
export function looksLikeConnection(spec: string): boolean {
  return SCHEME.test(spec) || KEY_VALUE.test(spec) || /^[^/\s]*:[^/\s]*@[^\s]+$/.test(spec);
}

/** Validate a connection spec and return it as a postgres:// URL; UserError (exit 2) otherwise. */
export function normaliseConnectionString(spec: string): string {
  const scheme = SCHEME.exec(spec)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme !== "postgres" && scheme !== "postgresql") {
      throw new UserError(
        `unsupported connection scheme ${scheme}://: only PostgreSQL is supported`,
        {
          hint: HINT,
        },
      );
    }
    return checkUrl(spec);
  }
  if (KEY_VALUE.test(spec)) return keyValueToUrl(spec);
  throw new UserError(
    `not a connection string: ${redactConnectionString(`postgres://${spec}`).slice(11)}`,
    {
      hint: HINT,
    },
  );
}

function checkUrl(spec: string): string {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    const port = /^[a-z]+:\/\/[^/]*:(\d+)(\/|$)/i.exec(spec.replace(/\/\/[^@/]*@/, "//"))?.[1];
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
      throw new UserError(`invalid port ${port} in the connection URL (1–65535)`, { hint: HINT });
    }
    throw new UserError("the connection URL cannot be parsed", {
      hint: `${HINT}; percent-encode special characters in the password (@ → %40)`,
    });
  }
  if (url.port !== "" && (Number(url.port) < 1 || Number(url.port) > 65535)) {
    throw new UserError(`invalid port ${url.port} in the connection URL (1–65535)`, { hint: HINT });
  }
  for (const key of url.searchParams.keys()) {
    if (!LIBPQ_KEYS.has(key) && key !== "uselibpqcompat" && key !== "ssl") {
      throw new UserError(`unknown connection parameter ?${key}=`, { hint: HINT });
    }
  }
  checkSslMode(url.searchParams.get("sslmode"), "the connection URL");
  return spec;
}

/** libpq key=value (values may be single-quoted with \' and \\ escapes) → URL. */
function keyValueToUrl(spec: string): string {
  const values = new Map<string, string>();
  const pattern = /\s*([a-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)/gy;
  let at = 0;
  for (let m = pattern.exec(spec); m; m = pattern.exec(spec)) {
    const [, key = "", raw = ""] = m;
    if (!LIBPQ_KEYS.has(key)) {
      throw new UserError(`unknown connection parameter ${key}=`, { hint: HINT });
    }
    values.set(key, raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw);
    at = pattern.lastIndex;
  }
  if (spec.slice(at).trim() !== "") {
    throw new UserError("the key=value connection string cannot be parsed", {
      hint: `${HINT}; quote values with spaces: password='a b'`,
    });
  }
  const port = values.get("port");
  checkSslMode(values.get("sslmode"), "the connection string");
  if (port !== undefined && !validPort(port)) {
    throw new UserError(`invalid port ${port} in the connection string (1–65535)`, { hint: HINT });
  }
  const url = new URL("postgres://");
  const host = values.get("host") ?? values.get("hostaddr") ?? process.env.PGHOST ?? "localhost";
  url.hostname = host.startsWith("/") ? "localhost" : host;
  if (port) url.port = port;
  const user = values.get("user");
  if (user) url.username = encodeURIComponent(user);
  const password = values.get("password");
  if (password) url.password = encodeURIComponent(password);
  const db = values.get("dbname");
  if (db) url.pathname = `/${encodeURIComponent(db)}`;
  for (const [key, value] of values) {
    if (!["host", "hostaddr", "port", "user", "password", "dbname"].includes(key))
      url.searchParams.set(key, value);
  }
  if (host.startsWith("/")) url.searchParams.set("host", host);
  return url.toString();
}
