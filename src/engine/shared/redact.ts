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

/** Redact every URL-looking connection string inside a free-text message. */
export function redactSecretsInText(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:)([^@\s]+)@/gi, "$1***@");
}
