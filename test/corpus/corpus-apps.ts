/**
 * The costly half of the scaffold corpus run, done once for many apps: one shared node_modules for
 * every generated app (installed once into a cache folder outside the repo and symlinked), one
 * `tsc --strict` over a batch of apps, and boot children that start many apps each.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");

/** Install `dependencies` (name → range) once into `<cacheRoot>/<hash>/node_modules`; returns that path. */
export function sharedNodeModules(cacheRoot: string, dependencies: Record<string, string>): string {
  const sorted = Object.fromEntries(
    Object.entries(dependencies).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const hash = createHash("sha256").update(JSON.stringify(sorted)).digest("hex").slice(0, 12);
  const dir = join(cacheRoot, hash);
  const modules = join(dir, "node_modules");
  if (!existsSync(join(dir, ".installed"))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ private: true, type: "module", dependencies: sorted }, null, 2),
    );
    process.stderr.write(`installing the generated apps' dependencies once into ${dir} …\n`);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: dir,
      stdio: "inherit",
      timeout: 300_000,
    });
    writeFileSync(join(dir, ".installed"), new Date().toISOString());
  }
  return modules;
}

/** Prepare a work folder whose apps resolve packages from the shared node_modules. */
export function prepareWorkRoot(work: string, modules: string): void {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "package.json"), JSON.stringify({ private: true, type: "module" }));
  if (!existsSync(join(work, "node_modules")))
    symlinkSync(modules, join(work, "node_modules"), "dir");
}

export interface TypecheckResult {
  /** app dir (relative to work) → first error line, or undefined when it compiled cleanly. */
  errors: Map<string, string>;
  ms: number;
}

/**
 * One `tsc` (strict, NodeNext, as users compile) over `appDirs` (each `<work>/apps/<id>`, holding
 * the generated files), emitting to `<work>/dist/<id>`. Errors are attributed to their app.
 */
export function typecheckBatch(
  work: string,
  batch: string,
  appDirs: string[],
): Promise<TypecheckResult> {
  const config = join(work, `tsconfig.${batch}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        target: "ES2023",
        lib: ["ES2023"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: true,
        types: ["node"],
        rootDir: "apps",
        outDir: "dist",
        noEmitOnError: false,
      },
      include: appDirs.map((d) => `${relative(work, d).split(sep).join("/")}/**/*.ts`),
    }),
  );
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", config],
      { cwd: work, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 600_000);
    child.on("close", () => {
      clearTimeout(timer);
      const errors = new Map<string, string>();
      for (const line of out.split("\n")) {
        const m = /^apps\/([^/]+\/[^/]+)\/(.+?\(\d+,\d+\): error TS\d+: .*)$/.exec(line.trim());
        if (m && !errors.has(m[1]!)) errors.set(m[1]!, m[2]!.slice(0, 300));
      }
      if (errors.size === 0 && /error TS/.test(out) && !/apps\//.test(out)) {
        for (const d of appDirs)
          errors.set(relative(join(work, "apps"), d), out.trim().split("\n")[0]!.slice(0, 300));
      }
      done({ errors, ms: performance.now() - started });
    });
  });
}

export interface BootJob {
  id: string;
  framework: string;
  dist: string;
  requests: Array<{ method: string; path: string }>;
}

export interface BootLine {
  id: string;
  framework: string;
  booted: boolean;
  answered: number;
  total: number;
  notFound?: boolean;
  error?: string;
  failures?: string[];
}

/** Boot `jobs` in one child process (apps one after another); a child that dies or hangs fails its remaining apps. */
export function bootBatch(
  work: string,
  batch: string,
  jobs: BootJob[],
  timeoutMs: number,
): Promise<BootLine[]> {
  const file = join(work, `boot.${batch}.json`);
  writeFileSync(file, JSON.stringify(jobs));
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, "test/corpus/corpus-boot-child.ts"), file],
      { cwd: work, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      const lines = out
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as BootLine);
      const seen = new Set(lines.map((l) => `${l.id}/${l.framework}`));
      const why =
        code === null
          ? `boot child killed after ${timeoutMs / 1000} s`
          : `boot child exited ${code}: ${err.trim().split("\n").slice(-1)[0] ?? ""}`;
      for (const job of jobs) {
        if (!seen.has(`${job.id}/${job.framework}`))
          lines.push({
            id: job.id,
            framework: job.framework,
            booted: false,
            answered: 0,
            total: job.requests.length,
            error: why.slice(0, 300),
          });
      }
      done(lines);
    });
  });
}
