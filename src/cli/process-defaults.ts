/**
 * Imported first by main.ts, before any module that reads these at load time.
 * - React picks its production build from NODE_ENV when first imported; screens render faster with it.
 * - Ink's chalk ignores NO_COLOR; FORCE_COLOR=0 makes it agree.
 */
process.env.NODE_ENV ??= "production";
if (process.env.NO_COLOR) process.env.FORCE_COLOR = "0";
