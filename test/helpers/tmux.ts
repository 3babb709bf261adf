import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe } from "vitest";
import { cliPath, repoRoot } from "./cli.js";

function tmuxInstalled(): boolean {
  try {
    execFileSync("tmux", ["-V"], { stdio: "pipe", timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/** Why the real-terminal tests cannot run here, or undefined when they can. */
export const tmuxMissing = tmuxInstalled()
  ? undefined
  : "tmux is not installed (apt-get install tmux; .ci/run installs it)";

/** A describe block that needs tmux: skipped, with the reason in its name, when tmux is absent. */
export function describeInTmux(name: string, body: () => void): void {
  describe.skipIf(tmuxMissing !== undefined)(
    tmuxMissing ? `${name} (skipped: ${tmuxMissing})` : name,
    body,
  );
}

/**
 * Drives the built program in a real terminal: a detached tmux session of a fixed size.
 * Polls the screen instead of sleeping; every wait is bounded.
 */
export class TmuxSession {
  readonly name = `sb_${randomBytes(4).toString("hex")}`;

  constructor(
    args: string[],
    options: {
      columns?: number;
      rows?: number;
      env?: Record<string, string>;
      cwd?: string;
      /** Words run before node, e.g. ["taskset", "-c", "0"] to pin the program to a core. */
      launcher?: string[];
    } = {},
  ) {
    const env = { NO_COLOR: "1", TERM: "xterm-256color", ...options.env };
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(" ");
    // CI=true makes Ink non-interactive; a user's terminal has no CI variable.
    const command = `cd ${shellQuote(options.cwd ?? repoRoot)} && env -u CI ${exports} ${(options.launcher ?? []).map((w) => `${shellQuote(w)} `).join("")}${shellQuote(process.execPath)} ${shellQuote(cliPath)} ${args.map(shellQuote).join(" ")}; echo "[exit $?]"; sleep 60`;
    this.tmux([
      "new-session",
      "-d",
      "-s",
      this.name,
      "-x",
      String(options.columns ?? 100),
      "-y",
      String(options.rows ?? 30),
      command,
    ]);
  }

  private tmux(args: string[]): string {
    return tmuxOn(this.name, args);
  }

  screen(): string {
    return this.tmux(["capture-pane", "-p", "-t", this.name]);
  }

  /** Send keys as tmux names them: "Enter", "Escape", "Down", "C-c", or literal text with `literal`. */
  send(keys: string, literal = false): void {
    this.tmux(["send-keys", "-t", this.name, ...(literal ? ["-l", keys] : [keys])]);
  }

  /**
   * Send several keys in ONE tmux command, so they reach the program together (as fast typing, a
   * paste or a slow link deliver them): `keys("Down", "Enter")`. Words that are not key names are
   * typed as text.
   */
  keys(...keys: string[]): void {
    this.tmux(["send-keys", "-t", this.name, ...keys]);
  }

  /** Resize the terminal (the program gets SIGWINCH). */
  resize(columns: number, rows: number): void {
    this.tmux(["resize-window", "-t", this.name, "-x", String(columns), "-y", String(rows)]);
  }

  type(text: string): void {
    this.send(text, true);
  }

  async waitFor(match: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = "";
    while (Date.now() < deadline) {
      last = this.screen();
      if (typeof match === "string" ? last.includes(match) : match.test(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `timed out after ${timeoutMs} ms waiting for ${String(match)}; screen was:\n${last}`,
    );
  }

  /** Poll until the screen stays the same for `quietMs` (bounded by `timeoutMs`); returns it. */
  async settle(quietMs = 400, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = this.screen();
    let since = Date.now();
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      const now = this.screen();
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return now;
    }
    return last;
  }

  /** The exit code printed after the program ended, or undefined while it runs. */
  exitCode(): number | undefined {
    const m = /\[exit (\d+)\]/.exec(this.screen());
    return m ? Number(m[1]) : undefined;
  }

  kill(): void {
    try {
      // Each session has its own tmux server (socket), so ending it cannot race another test's.
      this.tmux(["kill-server"]);
    } catch {
      // already gone
    }
  }
}

function tmuxOn(socket: string, args: string[]): string {
  return execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8", timeout: 5_000 });
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
