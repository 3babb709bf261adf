import { useEffect, useState } from "react";
import { findScreen } from "./screens/index.js";
import type { ScreenComponent } from "./screens/registry.js";

/** What opening a screen has come to: its component once its module is loaded. */
export type ScreenLoad =
  | { state: "loading" }
  | { state: "ready"; component: ScreenComponent }
  | { state: "failed"; message: string };

const loaded = new Map<string, ScreenLoad>();
const pending = new Map<string, Promise<ScreenLoad>>();

/**
 * Import a screen's module once (later calls share the first); never rejects. Started early by a
 * command that opens its screen directly, so the module loads while Ink starts.
 */
export function loadScreen(id: string): Promise<ScreenLoad> {
  const done = loaded.get(id);
  if (done) return Promise.resolve(done);
  let running = pending.get(id);
  if (!running) {
    const entry = findScreen(id);
    const start = entry
      ? entry.load()
      : Promise.reject(new Error(`there is no screen named ${JSON.stringify(id)}`));
    running = start.then(
      (component): ScreenLoad => ({ state: "ready", component }),
      (error: unknown): ScreenLoad => ({
        state: "failed",
        message: error instanceof Error ? error.message : String(error),
      }),
    );
    running.then((result) => {
      loaded.set(id, result);
      pending.delete(id);
    });
    pending.set(id, running);
  }
  return running;
}

/** Load every screen now (screen tests that render a screen on the app's first frame). */
export async function preloadScreens(ids: string[]): Promise<void> {
  await Promise.all(ids.map(loadScreen));
}

const none: ScreenLoad = { state: "failed", message: "no screen" };

/**
 * The screen `id` as far as it has loaded (undefined: the home screen, always there); re-renders
 * when its module arrives.
 */
export function useScreen(id: string | undefined): ScreenLoad {
  const [, setArrived] = useState(0);
  const now = id === undefined ? none : (loaded.get(id) ?? { state: "loading" });
  useEffect(() => {
    if (id === undefined || now.state !== "loading") return;
    let live = true;
    loadScreen(id).then(() => {
      if (live) setArrived((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [id, now.state]);
  return now;
}
