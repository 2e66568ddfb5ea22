import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdp, makeProject, writeFiles } from "../helpers/project.ts";

const CONFIG = `export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  threads: 2,
  identity: { rulesets: { daily: { normalize: { email: "email" }, limits: { user_id: 1 }, incremental: true } } },
};
`;

/** 60 people, each with an email, an account and a browser; the second one also has a phone. */
const SEED = `a_type,a_value,b_type,b_value
${Array.from({ length: 60 }, (_, i) => `email,p${i}@mail.test,user_id,u${i}\nemail,p${i}@mail.test,anon,a${i}\n`).join("")}phone,+15550001,email,p1@mail.test
`;

function stitchResult(dir: string): { message: string; rows_affected: number } {
  const results = JSON.parse(readFileSync(path.join(dir, "target/run_results.json"), "utf8"));
  return results.results.find((r: { name: string }) => r.name === "graph");
}

describe("the incremental stitch through cdp build", () => {
  it("a second build stitches only what changed; --full-refresh stitches everything", () => {
    const dir = makeProject(
      {
        "seeds/edges.csv": SEED,
        "models/graph.sql": `{{config materialized="stitch" rules="daily"}}
select a_type, a_value, b_type, b_value from {{ref "edges"}}`,
      },
      CONFIG,
    );
    const first = cdp(dir, ["build"]);
    expect(first.code, first.output).toBe(0);
    expect(stitchResult(dir).message).toContain("(full stitch: no state from an earlier incremental run)");
    expect(stitchResult(dir).rows_affected).toBe(181);

    // The second person's phone seen on the first one's browser joins them; and someone new.
    writeFiles(dir, { "seeds/edges.csv": `${SEED}anon,a0,phone,+15550001\nemail,cy@mail.test,anon,a999\n` });
    const second = cdp(dir, ["build"]);
    expect(second.code, second.output).toBe(0);
    const inc = stitchResult(dir);
    // Only the two people the new link touches and the new one: 4 + 3 + 2 identifiers.
    expect(inc.message).toContain("(incremental: 2 rows added, 0 removed; 9 identifiers stitched again)");
    // Two accounts in one profile: the limit cuts the second one off (a split of its profile).
    expect(inc.message).toMatch(/^183 identifiers in 61 profiles, .* 0 merges, 2 splits/);

    const third = cdp(dir, ["build", "--full-refresh"]);
    expect(third.code, third.output).toBe(0);
    expect(stitchResult(dir).message).toContain("(full stitch: --full-refresh)");
    expect(stitchResult(dir).message).toMatch(/^183 identifiers in 61 profiles, .* 0 merges, 0 splits/);

    const fourth = cdp(dir, ["build"]);
    expect(fourth.code, fourth.output).toBe(0);
    expect(stitchResult(dir).message).toContain(
      "(incremental: 0 rows added, 0 removed; 0 identifiers stitched again)",
    );
  });
});
