/** Exit codes shared by every command and the TUI summary (see README "Exit codes"). */
export const EXIT = {
  ok: 0,
  gateFailed: 1,
  usage: 2,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
