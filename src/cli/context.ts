/** What every command gets besides its own flags. */
export interface CliContext {
  /** Aborted on the first Ctrl+C (SIGINT) or SIGTERM; long work stops and reports what it has. */
  signal: AbortSignal;
  /** The exit code of a run stopped by a signal: 130 after SIGINT, 143 after SIGTERM. */
  interruptCode(): number;
  /** --debug: print stacks of unexpected errors. */
  debug(): boolean;
}
