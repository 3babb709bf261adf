/**
 * Wrap a command's action so its returned number becomes the process exit code.
 * Errors propagate to program.ts, which maps them to messages and exit codes.
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<number | undefined> | number | undefined,
) {
  return async (...args: A): Promise<void> => {
    const code = await fn(...args);
    process.exitCode = code ?? 0;
  };
}
