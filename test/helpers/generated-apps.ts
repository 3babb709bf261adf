import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Framework } from "../../src/engine/scaffold/index.js";
import { repoRoot } from "./cli.js";

/**
 * Compile every generated app under `<root>/src` in one `tsc --strict` (NodeNext) run into `<root>/dist`.
 * `root` must sit inside the repo (e.g. `.tmp/…`) so the apps resolve the repo's node_modules.
 */
export function compileGeneratedApps(
  root: string,
  options: { noUnusedLocals?: boolean; noUnusedParameters?: boolean } = {},
) {
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module", private: true }));
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2023",
        lib: ["ES2023"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noUnusedLocals: options.noUnusedLocals ?? true,
        noUnusedParameters: options.noUnusedParameters ?? false,
        skipLibCheck: true,
        types: ["node"],
        rootDir: "src",
        outDir: "dist",
      },
      include: ["src"],
    }),
  );
  const run = spawnSync(
    process.execPath,
    [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", root],
    {
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export interface RunningApp {
  base: string;
  close(): Promise<void>;
}

/** Import a compiled app's `createApp()` from `distDir` and listen on 127.0.0.1 (ephemeral port). */
export async function bootGeneratedApp(
  distDir: string,
  framework: Framework,
  onClose: () => Promise<void> = async () => {},
): Promise<RunningApp> {
  const { createApp } = (await import(pathToFileURL(join(distDir, "app.js")).href)) as {
    createApp(): unknown;
  };
  const app = await createApp();
  if (framework === "fastify") {
    const fastify = app as { listen(o: object): Promise<string>; close(): Promise<void> };
    const address = await fastify.listen({ port: 0, host: "127.0.0.1" });
    return { base: address, close: () => fastify.close().then(onClose) };
  }
  const server = await new Promise<Server>((done) => {
    const s = (app as { listen(port: number, host: string, cb: () => void): Server }).listen(
      0,
      "127.0.0.1",
      () => done(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }).then(onClose),
  };
}
