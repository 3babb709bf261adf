/**
 * Imported first by program.ts, before any module that reads these at load time.
 * - React picks its production build from NODE_ENV when first imported; screens render faster with it.
 * - Ink's chalk ignores NO_COLOR; FORCE_COLOR=0 makes it agree.
 * - A closed pipe on stdout or stderr ends the program quietly (no EPIPE stack trace).
 */
process.env.NODE_ENV ??= "production";
if (process.env.NO_COLOR) process.env.FORCE_COLOR = "0";

// Output into a closed pipe (`senior-backend … | head -1`): the reader has what it wanted; leave quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
