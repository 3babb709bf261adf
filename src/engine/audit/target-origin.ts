/**
 * The one place the audit turns a path into a request URL. Every request goes to the target's
 * origin: a value that would resolve anywhere else (`//host/x`, `/\host/x`, `/..//host/x`, an
 * absolute URL of another origin) is refused here, before anything is sent.
 */

/** A path or URL that would leave the target's origin; never sent. */
export class OffOriginError extends Error {
  constructor(
    readonly value: string,
    readonly why: string,
  ) {
    super(`${JSON.stringify(value)} would leave the target's origin: ${why}`);
    this.name = "OffOriginError";
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// C0 controls and DEL: WHATWG URL parsing strips tabs and newlines silently, which hides what is sent.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `value` could be read as another origin by some URL parser, or undefined when it is a plain path. */
function ambiguity(value: string): string | undefined {
  if (CONTROL.test(value)) return "it contains control characters";
  if (value.includes("\\")) return "it contains a backslash, which URL parsers read as a slash";
  if (value.startsWith("//")) return "it starts with //, which names a host";
  return undefined;
}

/**
 * Resolve `pathOrUrl` against the target. Absolute URLs must have the target's origin. The result
 * never carries user info (credentials go in headers, to this origin only) and its path never starts
 * with `//` (a second resolver, a proxy or the server would read that as a host).
 */
export function resolveOnTarget(target: URL, pathOrUrl: string): URL {
  if (SCHEME.test(pathOrUrl)) {
    let url: URL;
    try {
      url = new URL(pathOrUrl);
    } catch {
      throw new OffOriginError(pathOrUrl, "it is not a valid URL");
    }
    if (url.origin !== target.origin) throw new OffOriginError(pathOrUrl, `it names ${url.origin}`);
    return finish(target, pathOrUrl, url);
  }
  const why = ambiguity(pathOrUrl);
  if (why) throw new OffOriginError(pathOrUrl, why);
  let url: URL;
  try {
    url = new URL(pathOrUrl, target);
  } catch {
    throw new OffOriginError(pathOrUrl, "it is not a valid path");
  }
  if (url.origin !== target.origin)
    throw new OffOriginError(pathOrUrl, `it resolves to ${url.origin}`);
  return finish(target, pathOrUrl, url);
}

function finish(target: URL, value: string, url: URL): URL {
  if (url.pathname.startsWith("//") || url.pathname.includes("\\"))
    throw new OffOriginError(
      value,
      `it resolves to the path ${url.pathname}, which another parser reads as a host`,
    );
  const out = new URL(url.pathname + url.search, target.origin);
  return out;
}

/**
 * Is a spec path template safe to join to the target's base path? It must be a plain absolute path
 * (`/users/{id}`): no scheme, no `//` start, no backslash, no dot segments that climb out of the base.
 */
export function specPathProblem(template: string): string | undefined {
  if (SCHEME.test(template)) return "it is an absolute URL, not a path";
  if (!template.startsWith("/")) return "it does not start with /";
  const why = ambiguity(template);
  if (why) return why;
  if (/%2f|%5c/i.test(template)) return "it contains an encoded slash or backslash";
  const segments = template.split("/");
  if (segments.some((s) => s === ".." || s === "." || /^(%2e|\.){1,2}$/i.test(s)))
    return "it contains dot segments (. or ..) that climb out of the base path";
  if (segments.slice(1, -1).includes("")) return "it contains an empty segment (//)";
  return undefined;
}
