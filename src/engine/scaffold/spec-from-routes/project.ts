import { dirname, resolve } from "node:path";
import { unwrap } from "./ast.js";
import type { Binding, ModuleScan, Scope } from "./model.js";

/** Every scanned module, and how an import specifier maps to one of them. */
export class Project {
  readonly modules = new Map<string, ModuleScan>();

  add(module: ModuleScan): void {
    this.modules.set(module.parsed.file, module);
  }

  /** `./users.js` from `src/app.ts` → the scanned `src/users.ts` (NodeNext and bundler styles). */
  moduleFor(from: ModuleScan, source: string): ModuleScan | undefined {
    if (!source.startsWith(".")) return undefined;
    const base = resolve(dirname(from.parsed.file), source);
    const stem = base.replace(/\.(c|m)?js$|\.(c|m)?ts$/, "");
    const candidates = [
      base,
      ...["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"].map((ext) => `${stem}.${ext}`),
      ...["ts", "js", "mts", "mjs"].map((ext) => `${base}/index.${ext}`),
    ];
    for (const candidate of candidates) {
      const found = this.modules.get(candidate);
      if (found) return found;
    }
    return undefined;
  }

  /** What a name means in a scope, following imports into other scanned modules. */
  resolveName(
    name: string,
    scope: Scope,
    depth = 0,
  ): { binding: Binding; scope: Scope } | undefined {
    if (depth > 40) return undefined;
    const found = scope.lookup(name);
    if (!found) return undefined;
    if (found.binding.kind !== "import") return found;
    const { source, name: imported } = found.binding;
    const target = this.moduleFor(scope.module, source);
    if (!target || imported === "*") return found;
    return this.resolveExport(target, imported, depth + 1);
  }

  resolveExport(
    module: ModuleScan,
    name: string,
    depth = 0,
  ): { binding: Binding; scope: Scope } | undefined {
    if (depth > 40) return undefined;
    const ref = module.exports.get(name);
    if (!ref) return undefined;
    switch (ref.kind) {
      case "name":
        return this.resolveName(ref.name, module.scope, depth + 1);
      case "binding":
        return { binding: ref.binding, scope: module.scope };
      case "expr": {
        const expr = unwrap(ref.value.expr);
        if (expr?.type === "Identifier") {
          return this.resolveName(expr.name as string, ref.value.scope, depth + 1);
        }
        return { binding: { kind: "value", value: ref.value }, scope: ref.value.scope };
      }
      case "reexport": {
        const target = this.moduleFor(module, ref.source);
        return target ? this.resolveExport(target, ref.name, depth + 1) : undefined;
      }
    }
  }
}
