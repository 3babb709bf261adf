import type { ComponentType } from "react";
import type { ScreenProps } from "../navigation.js";

// biome-ignore lint/suspicious/noExplicitAny: each screen declares its own params type
export type ScreenComponent = ComponentType<ScreenProps<any>>;

export interface ScreenEntry {
  id: string;
  /** Menu label on the home screen. */
  title: string;
  /** One line shown under the menu when the item is highlighted. */
  description: string;
  /**
   * Loads the screen's module (and its engine) when the screen is first opened: importing every
   * screen up front made the first frame wait for all of them (issue #13).
   */
  load: () => Promise<ScreenComponent>;
  /** Listed on the home screen (only tools that work end to end). */
  inMenu: boolean;
}
