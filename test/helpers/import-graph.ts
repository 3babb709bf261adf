import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseSync } from "oxc-parser";

/** One relative import in a source file, resolved to the file it names. */
export interface ImportEdge {
  from: string;
  to: string;
  /** `import(…)` evaluated at run time (lazy), as opposed to a static import or re-export. */
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function resolveSpecifier(file: string, specifier: string): string | undefined {
  const base = resolve(dirname(file), specifier);
  const stem = base.replace(/\.js$/, "");
  return [`${stem}.ts`, `${stem}.tsx`, base, join(base, "index.ts")].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/** Every relative import and re-export of every .ts/.tsx file under `root` (paths relative to `cwd`), read with a real parser. */
export function importEdges(root: string, cwd = process.cwd()): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(resolve(cwd, root))) {
    const text = readFileSync(file, "utf8");
    const { module } = parseSync(file, text);
    const found = [
      ...module.staticImports.map((i) => ({ specifier: i.moduleRequest.value, dynamic: false })),
      ...module.staticExports.flatMap((e) =>
        e.entries.flatMap((entry) =>
          entry.moduleRequest ? [{ specifier: entry.moduleRequest.value, dynamic: false }] : [],
        ),
      ),
      ...module.dynamicImports.map((i) => ({
        specifier: text
          .slice(i.moduleRequest.start, i.moduleRequest.end)
          .replace(/^["'`]|["'`]$/g, ""),
        dynamic: true,
      })),
    ];
    for (const { specifier, dynamic } of found) {
      if (!specifier.startsWith(".")) continue;
      const target = resolveSpecifier(file, specifier);
      if (!target) continue;
      edges.push({ from: relative(cwd, file), to: relative(cwd, target), dynamic });
    }
  }
  return edges;
}

/** Each import cycle as the files along it (strongly connected components of two or more files, or a self-import). */
export function importCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (next.get(node) ?? []).includes(node)) cycles.push(component);
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return cycles;
}
