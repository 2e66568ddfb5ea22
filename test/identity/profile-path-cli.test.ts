import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateDataset, sharedDataMissing } from "../../bench/match-datasets.ts";
import { PERSON_SETTINGS } from "../../src/identity/match/presets.ts";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { cdp, makeProject } from "../helpers/project.ts";

/**
 * A project whose stitch reads weighted links and cannot-links: the chain is split, the cut is
 * readable through `{{ref "graph" side="cuts"}}`, and `cdp identity explain --model graph` prints
 * the path between two identifiers with each link's weight and why the cut link was cut.
 */
describe("cdp identity explain on a stitch model", () => {
  const dir = makeProject({
    "seeds/links.csv": [
      "a_type,a_value,b_type,b_value,weight",
      "record,A,record,B,12.5",
      "record,B,record,C,6",
      "record,A,record,C,-15",
      "record,C,email,c@mail.test,",
    ].join("\n"),
    "models/graph.sql": `{{config materialized="stitch"}}
select a_type, a_value, b_type, b_value, 'seed' as source, weight from {{ref "links"}}
`,
    "models/graph_cuts.sql": `{{config materialized="table"}}
select identifier, reason, detail from {{ref "graph" side="cuts"}}
`,
  });
  const run = (args: string[]) => cdp(dir, args);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("splits the chain, exposes the cut through ref side=, and explains the path", () => {
    const build = run(["build"]);
    expect(build.code, build.output).toBe(0);
    const cuts = run(["show", "graph_cuts", "--log-format", "json"]);
    expect(cuts.output).toContain("record A and record C are different people (weight -15.0)");

    const apart = run([
      "identity",
      "explain",
      "record:A",
      "email:c@mail.test",
      "--model",
      "graph",
      "--log-format",
      "json",
    ]);
    expect(apart.code, apart.output).toBe(0);
    const e = JSON.parse(apart.stdout);
    expect(e.sameProfile).toBe(false);
    expect(
      e.path.map((l: { to: { value: string }; weight: number | null; status: string }) => [
        l.to.value,
        l.weight,
        l.status,
      ]),
    ).toEqual([
      ["B", 12.5, "link"],
      ["C", 6, "cut"],
      ["c@mail.test", null, "link"],
    ]);

    const text = run(["identity", "explain", "record:A", "record:B", "--model", "graph"]);
    expect(text.code, text.output).toBe(0);
    expect(text.stdout).toMatch(/Why graph puts record:A and record:B in one profile/);
    expect(text.stdout).toMatch(/record:A -> record:B {2}match weight \+12\.50 \(seed\)/);

    const bad = run(["identity", "explain", "A", "record:B", "--model", "graph"]);
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/"A" is not an identifier: write it as type:value/);
  });
});

/**
 * The match's cannot-links on real records: fake_1000 with records that chain two people (one
 * person's names and birth date with the next person's e-mail and city). Every pair linking keeps
 * those people together; with the cannot-links, the profiles are nearly pure again, and no true
 * pair is lost.
 */
describe.skipIf(sharedDataMissing())("cannot-links from a match on chained people", () => {
  it("restores profile precision without losing recall", async () => {
    const wh = await DuckdbWarehouse.open({ path: ":memory:", schema: "main", connections: 2 });
    try {
      const bridges = `SELECT CONCAT('bridge', p.cluster) AS unique_id, p.first_name, p.surname, q.dob, q.city, q.email, p.cluster
        FROM (SELECT * FROM {raw} WHERE first_name IS NOT NULL AND surname IS NOT NULL AND dob IS NOT NULL
              QUALIFY ROW_NUMBER() OVER (PARTITION BY cluster ORDER BY CAST(unique_id AS INTEGER)) = 1) AS p
        JOIN (SELECT * FROM {raw} WHERE city IS NOT NULL AND email IS NOT NULL AND dob IS NOT NULL
              QUALIFY ROW_NUMBER() OVER (PARTITION BY cluster ORDER BY CAST(unique_id AS INTEGER)) = 1) AS q
          ON CAST(q.cluster AS INTEGER) = CAST(p.cluster AS INTEGER) + 1
        WHERE CAST(p.cluster AS INTEGER) % 8 = 0`;
      const before = await evaluateDataset(wh, "main", "fake_1000", PERSON_SETTINGS, {
        chaining: true,
        extraRows: bridges,
      });
      const after = await evaluateDataset(wh, "main", "fake_1000", PERSON_SETTINGS, { extraRows: bridges });
      console.log(
        `chained fake_1000: before P ${before.precision.toFixed(4)} R ${before.recall.toFixed(4)}, after P ${after.precision.toFixed(4)} R ${after.recall.toFixed(4)}`,
      );
      // Each bridge carries one person's names and the next one's birth date, city and e-mail:
      // with every match pair linked they chain two people together.
      expect(before.precision).toBeLessThan(0.95);
      // Cannot-links cut most of those chains (a bridge that is "clearly different" from neither
      // side stays), at the cost of about a point of recall.
      expect(after.precision - before.precision).toBeGreaterThan(0.02);
      expect(after.recall).toBeGreaterThan(before.recall - 0.015);
      const cuts = await wh.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM main.fake_1000_profiles__cuts WHERE reason = 'cannot_link'`,
      );
      expect(Number(cuts[0]!.n)).toBeGreaterThan(0);
    } finally {
      await wh.close();
    }
  });
});
