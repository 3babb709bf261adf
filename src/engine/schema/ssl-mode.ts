/**
 * `sslmode` in a connection URL with libpq's meaning. pg (8.x) treats prefer/require/verify-ca as
 * verify-full and prints a multi-line warning unless `uselibpqcompat=true` is set; a user who wrote
 * `sslmode=require` means libpq's require (encrypted, certificate not verified), so ask for that.
 */
export function withLibpqSslMode(connectionString: string | undefined): string | undefined {
  if (!connectionString) return connectionString;
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return connectionString;
  }
  const mode = url.searchParams.get("sslmode");
  if (!mode || url.searchParams.has("uselibpqcompat")) return connectionString;
  if (!["prefer", "require", "verify-ca"].includes(mode)) return connectionString;
  url.searchParams.set("uselibpqcompat", "true");
  return url.toString();
}
