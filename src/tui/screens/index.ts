import type { ScreenEntry } from "./registry.js";

export type { ScreenEntry } from "./registry.js";

/**
 * Every tool screen the app can show, in home-menu order (the home screen itself is wired in app.tsx).
 * Each tool adds its entry here.
 */
export const screens: ScreenEntry[] = [];

export function findScreen(id: string): ScreenEntry | undefined {
  return screens.find((s) => s.id === id);
}
