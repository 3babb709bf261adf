import { type Key, useInput } from "ink";
import { createContext, type MutableRefObject, useContext, useLayoutEffect, useRef } from "react";

/** What a key does on a screen or control: the same shape as Ink's `useInput` handler. */
export type KeyHandler = (input: string, key: Key) => void;

/**
 * The app's single way keys reach screens (see key-router.ts): keys are handed out one at a time,
 * each after React has drawn the previous key's result, so every handler sees fresh state.
 */
export interface KeyRouter {
  /** Start receiving keys; returns the function that stops. Handlers get keys in the order added. */
  add(handler: MutableRefObject<KeyHandler>): () => void;
}

export const KeyRouterContext = createContext<KeyRouter | null>(null);

/**
 * Receive keys while `isActive` (default true). Inside the app every key arrives alone and only
 * after the previous key's changes were rendered (keys typed together, a paste, a burst from a
 * script all act in order). Outside the app (a component rendered alone) it falls back to Ink.
 */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const router = useContext(KeyRouterContext);
  const ref = useRef(handler);
  ref.current = handler;
  const active = options.isActive !== false;
  // A layout effect: the handler is in place in the same commit that draws the screen. A passive effect
  // runs later, and a key read in between (a loaded machine makes that gap longer) found no handler.
  useLayoutEffect(() => {
    if (!router || !active) return;
    return router.add(ref);
  }, [router, active]);
  useInput((input, key) => ref.current(input, key), { isActive: !router && active });
}
