import { type Key, useInput } from "ink";
import { type MutableRefObject, useEffect, useMemo, useRef, useState } from "react";
import { splitInput } from "./split-input.js";
import type { KeyHandler, KeyRouter } from "./use-keys.js";

export interface KeyRouting {
  /** Ctrl+C, in its turn among the other keys. */
  onInterrupt(): void;
  /** While true (terminal too small) only `q` and Ctrl+C act; `q` calls onQuit. */
  blocked(): boolean;
  onQuit(): void;
  /** A key that reached the router while blocked and was dropped. */
  onIgnored?(): void;
  /**
   * While true (the screen's module is still loading) keys wait in the queue, Ctrl+C excepted;
   * call `resume` once the screen is drawn and listening.
   */
  held?(): boolean;
}

export interface RootKeyRouter extends KeyRouter {
  /** Hand out the keys that waited while `held` was true. */
  resume(): void;
}

/**
 * The root of keyboard input: Ink's one `useInput`. What the terminal sends is split into single
 * keys and queued; each key goes to every registered handler, and the next key waits until React
 * has committed the result (a screen opened, a list moved), so `Down Enter` sent together picks
 * the row moved to, and keys after an Enter that opens a screen act on that screen.
 */
export function useKeyRouter(routing: KeyRouting): RootKeyRouter {
  const handlers = useRef(new Set<MutableRefObject<KeyHandler>>());
  const queue = useRef<Array<[string, Key]>>([]);
  const waiting = useRef(false);
  const routingRef = useRef(routing);
  routingRef.current = routing;
  const [delivered, setDelivered] = useState(0);

  const deliver = (input: string, key: Key) => {
    const r = routingRef.current;
    if (key.ctrl && input === "c") return r.onInterrupt();
    if (r.blocked()) {
      if (input === "q" && !key.ctrl && !key.meta) r.onQuit();
      else r.onIgnored?.();
      return;
    }
    for (const handler of [...handlers.current]) {
      // A handler removed by an earlier one in this round (its screen closed) gets nothing.
      if (handlers.current.has(handler)) handler.current(input, key);
    }
  };

  const pump = () => {
    if (waiting.current) return;
    const head = queue.current[0];
    if (!head) return;
    // Keys typed while a screen loads belong to that screen: keep them until it listens.
    if (routingRef.current.held?.() && !(head[1].ctrl && head[0] === "c")) return;
    const next = queue.current.shift()!;
    waiting.current = true;
    deliver(...next);
    // Re-render, and hand out the next key from the effect that runs once this one is drawn.
    setDelivered((n) => n + 1);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per delivered key, by design
  useEffect(() => {
    waiting.current = false;
    pump();
  }, [delivered]);

  useInput((chunk, key) => {
    // Escape read together with the next key reaches Ink as one Alt+key ("\u001bu", "\u001b\u0003",
    // two Escapes as Alt+Escape). No screen uses Alt, so these are two keys: Escape, then the key.
    if (key.meta) {
      const none = Object.fromEntries(Object.keys(key).map((k) => [k, false])) as unknown as Key;
      queue.current.push(["", { ...none, escape: true }]);
      queue.current.push(...splitInput(chunk, { ...key, meta: false }));
    } else queue.current.push(...splitInput(chunk, key));
    pump();
  });

  const pumpRef = useRef(pump);
  pumpRef.current = pump;
  return useMemo<RootKeyRouter>(
    () => ({
      resume: () => pumpRef.current(),
      add: (handler) => {
        handlers.current.add(handler);
        return () => {
          handlers.current.delete(handler);
        };
      },
    }),
    [],
  );
}
