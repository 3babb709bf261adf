import { Box, Text } from "ink";

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

/** Whether a terminal of this size is below what the app needs. */
export function isTooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

/** Shown instead of any screen while the terminal is below the minimum; only q and Ctrl+C act. */
export function TooSmall({
  columns,
  rows,
  ignored = 0,
}: {
  columns: number;
  rows: number;
  /** Keys dropped while this was shown: said, so nobody wonders where their typing went. */
  ignored?: number;
}) {
  return (
    <Box width={columns} height={rows} flexDirection="column">
      <Text wrap="wrap">
        Terminal too small ({columns}x{rows}): senior-backend needs at least {MIN_COLUMNS}x
        {MIN_ROWS}. Enlarge the window, or press q to quit.
      </Text>
      {ignored > 0 ? (
        <Text wrap="wrap">
          {ignored} {ignored === 1 ? "key" : "keys"} ignored while too small.
        </Text>
      ) : null}
    </Box>
  );
}
