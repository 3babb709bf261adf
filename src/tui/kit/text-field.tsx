import { Text } from "ink";
import { useRef, useState } from "react";
import { tone } from "./theme.js";
import { typedText } from "./typed-text.js";
import { useKeys } from "./use-keys.js";

/**
 * A one-line text input. Unlike ink-text-input it keeps the value being edited in a ref, so keys
 * that Ink delivers together (held Backspace, a paste, fast typing) each act on the previous
 * one's result instead of on the value of the last render.
 */
export function TextField({
  value,
  placeholder = "",
  focus,
  onChange,
  onSubmit,
}: {
  value: string;
  placeholder?: string;
  focus: boolean;
  onChange(value: string): void;
  onSubmit(value: string): void;
}) {
  const edit = useRef({ value, cursor: value.length, sent: value });
  // The parent replaced the value (a new question, a reset): edit that from its end.
  if (value !== edit.current.sent) edit.current = { value, cursor: value.length, sent: value };
  const [, redraw] = useState(0);

  useKeys(
    (input, key) => {
      const e = edit.current;
      // Ctrl+U clears the field, as in a shell.
      if (key.ctrl && input === "u" && e.value) {
        e.value = "";
        e.cursor = 0;
        e.sent = "";
        onChange("");
        redraw((n) => n + 1);
        return;
      }
      if (key.upArrow || key.downArrow || key.tab || key.escape || key.ctrl || key.meta) return;
      const before = e.value;
      let submit = false;
      if (key.leftArrow) e.cursor = Math.max(0, e.cursor - 1);
      else if (key.rightArrow) e.cursor = Math.min(e.value.length, e.cursor + 1);
      else if (key.backspace || key.delete) {
        if (e.cursor > 0) {
          e.value = e.value.slice(0, e.cursor - 1) + e.value.slice(e.cursor);
          e.cursor -= 1;
        }
      } else if (key.return) submit = true;
      else {
        const typed = typedText(input);
        e.value = e.value.slice(0, e.cursor) + typed.value + e.value.slice(e.cursor);
        e.cursor += typed.value.length;
        submit = typed.enter;
      }
      if (e.value !== before) {
        e.sent = e.value;
        onChange(e.value);
      }
      if (submit) onSubmit(e.value);
      redraw((n) => n + 1);
    },
    { isActive: focus },
  );

  const { value: shown, cursor } = edit.current;
  if (!focus)
    return shown ? <Text>{shown}</Text> : <Text color={tone("muted")}>{placeholder}</Text>;
  if (!shown)
    return (
      <Text>
        <Text inverse>{placeholder[0] ?? " "}</Text>
        <Text color={tone("muted")}>{placeholder.slice(1)}</Text>
      </Text>
    );
  return (
    <Text>
      {shown.slice(0, cursor)}
      <Text inverse>{shown[cursor] ?? " "}</Text>
      {shown.slice(cursor + 1)}
    </Text>
  );
}
