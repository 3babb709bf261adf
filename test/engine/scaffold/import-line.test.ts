import { describe, expect, it } from "vitest";
import { importLine } from "../../../src/engine/scaffold/emit-routes.js";

/** Import lines as Biome formats them, so generated route modules pass `biome check` untouched. */
describe("importLine", () => {
  it("keeps one name on one line even past 100 columns (long operationIds made from paths)", () => {
    const name = "putV1UsersByUserIdItemsByItemId";
    const line = importLine([name], `../handlers/user-accounts/${name}.js`);
    expect(line.length).toBeGreaterThan(100);
    expect(line).toBe(`import { ${name} } from "../handlers/user-accounts/${name}.js";`);
  });

  it("puts several names one per line when the line is longer than 100 columns", () => {
    const names = ["getUserItemRequest", "putV1UsersByUserIdItemsByItemIdRequest", "listThings"];
    expect(importLine(names, "../schemas.js")).toBe(
      'import {\n  getUserItemRequest,\n  listThings,\n  putV1UsersByUserIdItemsByItemIdRequest,\n} from "../schemas.js";',
    );
  });
});
