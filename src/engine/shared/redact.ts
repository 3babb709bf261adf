/** Replace the password in a connection string (URL or libpq key=value form) with `***`. */
export function redactConnectionString(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "***";
    for (const key of ["password", "sslpassword"]) {
      if (url.searchParams.has(key)) url.searchParams.set(key, "***");
    }
    return url.toString();
  } catch {
    return value.replace(/(password\s*=\s*)('[^']*'|\S+)/gi, "$1***");
  }
}

/** Header names whose values are credentials. */
const SECRET_HEADERS =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token)$/i;

/**
 * Redact secrets inside a free-text message: URL passwords (`scheme://user:pw@`, also with an
 * empty user) and the values of `Authorization:`-style headers.
 */
export function redactSecretsInText(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:)([^@\s/]+)@/gi, "$1***@")
    .replace(
      /\b((?:proxy-)?authorization|x-api-key|api-key|x-auth-token|cookie)(\s*[:=]\s*)("[^"]*"|'[^']*'|(?:(?:bearer|basic|token|digest|negotiate)\s+)?[^\s,;"']+)/gi,
      "$1$2***",
    );
}

/** A header for display: the value of a credential header is `***`. */
export function redactHeader(name: string, value: string): string {
  return SECRET_HEADERS.test(name.trim()) ? "***" : value;
}

/** A `Name: Value` line (perhaps malformed) for display, with a credential header's value masked. */
export function redactHeaderLine(line: string): string {
  const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(.*)$/.exec(line);
  if (m && SECRET_HEADERS.test(m[1]!)) return `${m[1]}${m[2]!.trim() ? ": ***" : ""}`;
  return redactSecretsInText(line);
}
