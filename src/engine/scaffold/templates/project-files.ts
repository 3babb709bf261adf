import { existsSync, readdirSync } from "node:fs";
import { slug } from "../../openapi/index.js";

/** `--init` (or an empty output folder): should the project files be written too? */
export function wantsProjectFiles(init: boolean | "auto" | undefined, outputDir: string): boolean {
  if (init === true) return true;
  if (init !== "auto") return false;
  return !existsSync(outputDir) || readdirSync(outputDir).length === 0;
}

/**
 * `package.json` (user-owned, created once): `npm install && npm start` builds the app with tsc
 * and starts server.ts. JSON has no comments, so the ownership note is its `//` field.
 */
export function packageJsonSource(
  title: string,
  note: string,
  deps: { dependencies: Record<string, string>; devDependencies: Record<string, string> },
): string {
  const sorted = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  const pkg = {
    "//": note,
    name: slug(title).slice(0, 200) || "api",
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      build: "tsc -p tsconfig.json",
      start: "npm run build && node dist/server.js",
      typecheck: "tsc -p tsconfig.json --noEmit",
    },
    dependencies: sorted(deps.dependencies),
    devDependencies: sorted(deps.devDependencies),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** `tsconfig.json` (user-owned, created once): strict, NodeNext, compiled to dist/. */
export const tsconfigSource = `${JSON.stringify(
  {
    compilerOptions: {
      target: "ES2023",
      lib: ["ES2023"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      skipLibCheck: true,
      types: ["node"],
      rootDir: ".",
      outDir: "dist",
    },
    include: ["**/*.ts"],
    exclude: ["dist", "node_modules"],
  },
  null,
  2,
)}\n`;
