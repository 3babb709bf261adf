/** Exit codes shared by every command and the TUI summary (see README "Exit codes"). */
export const EXIT = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15), e.g. from `timeout` or a CI runner. */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
