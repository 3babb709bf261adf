import { Box, Text, useWindowSize } from "ink";
import type { ReactNode } from "react";
import { HelpOverlay } from "./help-overlay.js";
import { KeyBar, type KeyHint } from "./key-bar.js";
import { tone } from "./theme.js";

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

/**
 * Title line, body, key bar; never taller than the terminal.
 * `keys` is the short list for the bar, `helpKeys` the full list for `?`.
 */
export function ScreenFrame(props: {
  title: string;
  status?: string;
  keys: KeyHint[];
  helpKeys?: KeyHint[];
  helpNotes?: string[];
  showHelp?: boolean;
  children: ReactNode;
}) {
  const { columns, rows } = useWindowSize();
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Box width={columns} height={rows} flexDirection="column">
        <Text wrap="wrap">
          Terminal too small ({columns}x{rows}); senior-backend needs at least {MIN_COLUMNS}x
          {MIN_ROWS}. Enlarge the window or press q to quit.
        </Text>
      </Box>
    );
  }
  return (
    <Box width={columns} height={rows} flexDirection="column" overflow="hidden">
      <Box flexShrink={0} justifyContent="space-between">
        <Text bold color={tone("accent")} wrap="truncate-end">
          senior-backend · {props.title}
        </Text>
        {props.status ? (
          <Text color={tone("muted")} wrap="truncate-start">
            {props.status}
          </Text>
        ) : null}
      </Box>
      <Box flexGrow={1} flexDirection="column" overflow="hidden">
        {props.showHelp ? (
          <HelpOverlay
            title={props.title}
            keys={props.helpKeys ?? props.keys}
            notes={props.helpNotes}
          />
        ) : (
          props.children
        )}
      </Box>
      <KeyBar keys={props.keys} />
    </Box>
  );
}
