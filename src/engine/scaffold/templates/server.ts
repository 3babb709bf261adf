/**
 * `server.ts` (user-owned): starts the app. The same file for every framework (each app.ts exports
 * `listen`), so switching `--framework` keeps a server.ts that still compiles and starts the app.
 */
export const serverSource = `import { listen } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

await listen(port, host);
process.stdout.write(\`listening on http://\${host}:\${port}\\n\`);
`;
