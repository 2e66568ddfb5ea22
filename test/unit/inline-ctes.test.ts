import { describe, expect, it } from "vitest";
import { prependCtes, stripTrailingSemicolons } from "../../src/project/inline-ctes.ts";

describe("prependCtes", () => {
  const cte = [{ name: "e", sql: "select 1 as x" }];
  it("adds a WITH clause to a plain query", () => {
    expect(prependCtes("select * from e", cte)).toBe("WITH e AS (\nselect 1 as x\n)\nselect * from e");
  });
  it("joins an existing WITH list instead of adding a second WITH", () => {
    expect(prependCtes("-- note\nwith a as (select 2) select * from a, e", cte)).toBe(
      "-- note\nwith e AS (\nselect 1 as x\n),\na as (select 2) select * from a, e",
    );
  });
  it("keeps WITH RECURSIVE", () => {
    expect(prependCtes("WITH RECURSIVE r as (select 1) select * from r", cte)).toMatch(
      /^WITH RECURSIVE e AS/,
    );
  });
  it("strips trailing semicolons", () => {
    expect(stripTrailingSemicolons("select 1;\n ;\n")).toBe("select 1");
  });
});
