/** The stderr progress line scaffold modes print on a terminal: `scaffold: 120/480 files`. */
export function fileProgress({ done, total }: { done: number; total: number }): void {
  if (done === total || done % 50 === 0) process.stderr.write(`\rscaffold: ${done}/${total} files`);
  if (done === total) process.stderr.write("\n");
}
