import module from "node:module";

/**
 * Ink imports one function (`throttle`) from `es-toolkit/compat`, whose index loads 400-odd
 * modules: on a loaded machine about 2 s before the first frame (issue #13). Point that one import
 * at the file that defines `throttle`. Only imports made by Ink are touched; on a Node without
 * synchronous resolve hooks nothing changes.
 */
export function resolveInkLean(): void {
  const hooks = (module as { registerHooks?: (h: object) => unknown }).registerHooks;
  if (typeof hooks !== "function") return;
  type Next = (specifier: string, context: unknown) => { url: string };
  hooks({
    resolve(specifier: string, context: { parentURL?: string }, next: Next) {
      if (specifier === "es-toolkit/compat" && context.parentURL?.includes("/node_modules/ink/")) {
        const whole = next(specifier, context);
        const url = whole.url.replace(/\/compat\/index\.mjs$/, "/compat/function/throttle.mjs");
        if (url !== whole.url) return { url, shortCircuit: true, format: "module" };
        return whole;
      }
      return next(specifier, context);
    },
  });
}
