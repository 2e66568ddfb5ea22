import { describe, expect, it } from "vitest";
import { cdp, makeProject } from "../helpers/project.ts";

const FILES = {
  "seeds/people.csv": "id,name,tier\n1,Ada,gold\n2,Bo,silver\n3,Cy,gold\n",
  "models/gold.sql": `select id, name from {{ref "people"}} where tier = 'gold' order by id`,
  "models/gold_names.sql": `{{config materialized="ephemeral"}}\nselect name from {{ref "gold"}}`,
};

describe("cdp show", () => {
  const dir = makeProject(FILES);
  it("previews a model's compiled query (built or not) as a table, limited", () => {
    expect(cdp(dir, ["seed"]).code).toBe(0);
    const r = cdp(dir, ["show", "gold", "--limit", "1"]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "Previewing model.gold (1 row, limit 1):",
      "id  name",
      "1   Ada",
    ]);
  });

  it("previews an ephemeral model and a seed, and prints JSON with --log-format json", () => {
    // An ephemeral model's query reads its parents' tables: build them first.
    expect(cdp(dir, ["run", "--select", "gold"]).code).toBe(0);
    const eph = cdp(dir, ["show", "gold_names", "--log-format", "json"]);
    expect(eph.code, eph.output).toBe(0);
    expect(JSON.parse(eph.stdout)).toEqual({
      event: "show",
      source: "model.gold_names",
      limit: 5,
      columns: ["name"],
      rows: [{ name: "Ada" }, { name: "Cy" }],
    });
    const seed = JSON.parse(cdp(dir, ["show", "people", "--log-format", "json"]).stdout);
    expect(seed.rows).toHaveLength(3);
  });

  it("runs inline SQL with refs", () => {
    const r = cdp(dir, [
      "show",
      `select tier, count(*) as n from {{ref "people"}} group by tier order by tier`,
      "--log-format",
      "json",
    ]);
    expect(r.code, r.output).toBe(0);
    expect(JSON.parse(r.stdout).rows).toEqual([
      { tier: "gold", n: 2 },
      { tier: "silver", n: 1 },
    ]);
  });

  it("names what is wrong: a misspelt model, a bad ref in inline SQL, a bad limit", () => {
    const typo = cdp(dir, ["show", "gol"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean "gold"?');
    const ref = cdp(dir, ["show", `select * from {{ref "peeple"}}`]);
    expect(ref.code).toBe(2);
    expect(ref.stderr).toContain("<inline>");
    expect(ref.stderr).toContain('Did you mean "people"?');
    const limit = cdp(dir, ["show", "gold", "--limit", "0"]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain("--limit");
  });
});
