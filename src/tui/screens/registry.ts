import type { ComponentType } from "react";
import type { ScreenProps } from "../navigation.js";

export interface ScreenEntry {
  id: string;
  /** Menu label on the home screen. */
  title: string;
  /** One line shown under the menu when the item is highlighted. */
  description: string;
  // biome-ignore lint/suspicious/noExplicitAny: each screen declares its own params type
  component: ComponentType<ScreenProps<any>>;
  /** Listed on the home screen (only tools that work end to end). */
  inMenu: boolean;
}
