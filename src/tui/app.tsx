import { Box, useApp, useWindowSize } from "ink";
import { useEffect, useMemo, useRef, useState } from "react";
import { useKeyRouter } from "./kit/key-router.js";
import { LoadingFrame } from "./kit/loading-frame.js";
import { isTooSmall, TooSmall } from "./kit/too-small.js";
import { KeyRouterContext } from "./kit/use-keys.js";
import {
  type Navigator,
  NavigatorContext,
  type ScreenMemory,
  ScreenMemoryContext,
} from "./navigation.js";
import { useScreen } from "./screen-loader.js";
import { HomeScreen } from "./screens/home/screen.js";
import { findScreen } from "./screens/index.js";

export interface AppStart {
  screen: string;
  params?: unknown;
}

export interface AppResult {
  exitCode: number;
  summary?: string;
}

interface StackEntry {
  screen: string;
  params?: unknown;
  key: number;
}

/**
 * Root of the full-screen app: a stack of screens and the only exit path.
 * `onDone` receives the exit code and the summary to print after the alternate screen is left.
 */
export function App({ start, onDone }: { start?: AppStart; onDone: (result: AppResult) => void }) {
  const { exit } = useApp();
  const keyRef = useRef(1);
  const [stack, setStack] = useState<StackEntry[]>(() => [
    { screen: start?.screen ?? "home", params: start?.params, key: 0 },
  ]);
  const summaryRef = useRef<string | undefined>(undefined);
  const interruptRef = useRef<(() => boolean) | undefined>(undefined);
  // Per stack entry (by key): what a screen keeps while a screen it opened is on top.
  const memories = useRef(new Map<number, Map<string, unknown>>());

  const nav = useMemo<Navigator>(() => {
    const quit: Navigator["quit"] = (options = {}) => {
      if (options.summary !== undefined) summaryRef.current = options.summary;
      onDone({ exitCode: options.exitCode ?? 0, summary: summaryRef.current });
      exit();
    };
    return {
      open: (screen, params) => {
        interruptRef.current = undefined;
        setStack((s) => [...s, { screen, params, key: keyRef.current++ }]);
      },
      back: () => {
        interruptRef.current = undefined;
        setStack((s) => {
          if (s.length > 1) {
            memories.current.delete(s[s.length - 1]!.key);
            return s.slice(0, -1);
          }
          quit();
          return s;
        });
      },
      quit,
      setSummary: (summary) => {
        summaryRef.current = summary;
      },
      onInterrupt: (handler) => {
        interruptRef.current = handler;
      },
    };
  }, [exit, onDone]);

  const { columns, rows } = useWindowSize();
  const small = isTooSmall(columns, rows);
  // Keys dropped while too small, counted anew each time the terminal becomes too small.
  const [ignored, setIgnored] = useState(0);
  const [wasSmall, setWasSmall] = useState(small);
  if (wasSmall !== small) {
    setWasSmall(small);
    setIgnored(0);
  }
  const top = stack[stack.length - 1]!;
  const load = useScreen(top.screen === "home" ? undefined : top.screen);
  const loading = load.state === "loading";
  const router = useKeyRouter({
    // Ctrl+C: the screen may claim it (stop a run); otherwise leave with 130.
    onInterrupt: () => {
      if (interruptRef.current?.()) return;
      nav.quit({ exitCode: 130 });
    },
    // Below the minimum size the screen is hidden: no key but q and Ctrl+C may act on it.
    blocked: () => small,
    onQuit: () => nav.quit(),
    onIgnored: () => setIgnored((n) => n + 1),
    held: () => loading,
  });
  // After the loaded screen's own effects (its key handlers) ran: give it the keys that waited.
  useEffect(() => {
    if (!loading) router.resume();
  }, [loading, router]);

  const memory = useMemo<ScreenMemory>(() => {
    const own = memories.current.get(top.key) ?? new Map<string, unknown>();
    memories.current.set(top.key, own);
    return { get: (name) => own.get(name), set: (name, value) => own.set(name, value) };
  }, [top.key]);
  const entry = findScreen(top.screen);
  const Screen = load.state === "ready" ? load.component : undefined;
  return (
    <NavigatorContext.Provider value={nav}>
      <KeyRouterContext.Provider value={router}>
        {small ? <TooSmall columns={columns} rows={rows} ignored={ignored} /> : null}
        {/* Hidden, not unmounted, while too small: a run keeps going and nothing is lost. */}
        <Box display={small ? "none" : "flex"} flexDirection="column">
          <ScreenMemoryContext.Provider value={memory}>
            {Screen ? (
              <Screen key={top.key} nav={nav} params={top.params} />
            ) : entry && load.state !== "ready" ? (
              <LoadingFrame
                key={top.key}
                title={entry.id}
                failed={load.state === "failed" ? load.message : undefined}
                onBack={nav.back}
              />
            ) : (
              <HomeScreen nav={nav} />
            )}
          </ScreenMemoryContext.Provider>
        </Box>
      </KeyRouterContext.Provider>
    </NavigatorContext.Provider>
  );
}
