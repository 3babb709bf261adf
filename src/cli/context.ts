/** What every command gets besides its own flags. */
export interface CliContext {
  /** Aborted on the first Ctrl+C (SIGINT); long work stops and reports what it has. */
  signal: AbortSignal;
  /** --debug: print stacks of unexpected errors. */
  debug(): boolean;
}
