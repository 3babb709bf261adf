import { createContext, useContext, useEffect } from "react";

/** The ids of every screen the app can show. Each tool adds its own. */
export type ScreenId = string;

export interface Navigator {
  /** Open another screen on top of this one. */
  open(screen: ScreenId, params?: unknown): void;
  /** Go back one screen; on the first screen this quits. */
  back(): void;
  /** Leave the app. `summary` is printed to the normal screen after the alternate screen is left. */
  quit(options?: { summary?: string; exitCode?: number }): void;
  /** Replace the text printed after exit without quitting (e.g. a finished run's summary). */
  setSummary(summary: string | undefined): void;
  /**
   * Register what Ctrl+C does on this screen (e.g. stop a running load test).
   * Return true when it was handled and the app should stay open.
   */
  onInterrupt(handler: (() => boolean) | undefined): void;
}

export interface ScreenProps<P = unknown> {
  nav: Navigator;
  params?: P;
}

export const NavigatorContext = createContext<Navigator | null>(null);

export function useNavigator(): Navigator {
  const nav = useContext(NavigatorContext);
  if (!nav) throw new Error("useNavigator outside <App>");
  return nav;
}

/** Let the current screen decide what Ctrl+C does while it is mounted. */
export function useInterruptHandler(handler: () => boolean): void {
  const nav = useNavigator();
  useEffect(() => {
    nav.onInterrupt(handler);
    return () => nav.onInterrupt(undefined);
  }, [nav, handler]);
}

/** Small values a screen keeps while it is under another one (it is unmounted meanwhile). */
export interface ScreenMemory {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

export const ScreenMemoryContext = createContext<ScreenMemory | null>(null);

/**
 * The screen's own memory for as long as it is on the stack: going back to it (from a screen it
 * opened) finds what was set here. Outside the app (a screen rendered alone) it is nothing.
 */
export function useScreenMemory(): ScreenMemory {
  return useContext(ScreenMemoryContext) ?? { get: () => undefined, set: () => {} };
}
