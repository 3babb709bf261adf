import { Box, Text } from "ink";
import SelectInput from "ink-select-input";
import { useState } from "react";
import { ScreenFrame } from "../components/screen-frame.js";
import { useHomeKeys } from "../hooks/use-home-keys.js";
import type { ScreenProps } from "../navigation.js";
import { tone } from "../theme.js";
import { screens } from "./index.js";

const KEYS = [
  { key: "↑↓/jk", label: "move" },
  { key: "Enter", label: "open" },
  { key: "?", label: "help" },
  { key: "q", label: "quit" },
];

const HELP_KEYS = [
  ...KEYS,
  { key: "Esc", label: "back (on any screen)" },
  { key: "Ctrl+C", label: "stop a run / quit" },
];

export function HomeScreen({ nav }: ScreenProps) {
  const [showHelp, setShowHelp] = useState(false);
  const tools = screens.filter((s) => s.inMenu);
  const [highlighted, setHighlighted] = useState(tools[0]?.id);
  useHomeKeys(nav, { shown: showHelp, toggle: () => setShowHelp((v) => !v) });
  const current = tools.find((t) => t.id === highlighted);
  return (
    <ScreenFrame
      title="home"
      keys={KEYS}
      helpKeys={HELP_KEYS}
      showHelp={showHelp}
      helpNotes={["Every tool is also a plain command: run `senior-backend --help`."]}
    >
      <Box flexDirection="column" paddingY={1}>
        <Text>What a senior backend colleague brings to a new service. Pick a tool:</Text>
        <Box marginTop={1}>
          {tools.length === 0 ? (
            <Text color={tone("muted")}>No tools are available in this build.</Text>
          ) : (
            <SelectInput
              items={tools.map((t) => ({ key: t.id, label: t.title, value: t.id }))}
              onSelect={(item) => nav.open(item.value)}
              onHighlight={(item) => setHighlighted(item.value)}
              isFocused={!showHelp}
            />
          )}
        </Box>
        {current ? (
          <Box marginTop={1}>
            <Text color={tone("muted")} wrap="wrap">
              {current.description}
            </Text>
          </Box>
        ) : null}
      </Box>
    </ScreenFrame>
  );
}
