import { describe, expect, it } from "vitest";
import { levelWords, plural } from "../../src/identity/match/explain.ts";
import { cdp, makeProject } from "../helpers/project.ts";

/** The messages about match settings say what is wrong, and only that. */
describe("match settings messages", () => {
  it("an unknown key in a settings object is reported alone, not as settings that do not exist", () => {
    const p = makeProject(
      {
        "models/people_matches.sql": `{{config materialized="match" settings="people"}}
select '1' as record_id, 'Anna' as first_name`,
      },
      `export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  identity: { match: { people: {
    blocking: [["first_name"]],
    comparisons: [{ column: "first_name", levels: [{ exact: true }] }],
    treshold: 0.8,
  } } },
};
`,
    );
    const r = cdp(p, ["compile"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'unknown config key "identity.match.people.treshold". Did you mean "threshold"?',
    );
    expect(r.stderr).not.toContain("is not in cdp.config.ts identity.match");
  });

  it("settings a model names that the config does not declare are still reported", () => {
    const p = makeProject({
      "models/people_matches.sql": `{{config materialized="match" settings="people"}}
select '1' as record_id, 'Anna' as first_name`,
    });
    const r = cdp(p, ["compile"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('settings="people" is not in cdp.config.ts identity.match.');
  });

  it("optional blocking rules: each rule once, and training on rules of blocking only", () => {
    const config = (extra: string) => `export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  identity: { match: { people: {
    blocking: [["first_name"]],
    comparisons: [{ column: "first_name", levels: [{ exact: true }] }],
    ${extra}
  } } },
};
`;
    const model = {
      "models/people_matches.sql": `{{config materialized="match" settings="people"}}
select '1' as record_id, 'Anna' as first_name`,
    };
    const twice = cdp(
      makeProject(model, config(`optionalBlocking: [["substr(first_name, 1, 2)"], ["first_name"]],`)),
      ["compile"],
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(
      /identity\.match\.people\.optionalBlocking\.1.*\[first_name\] is already a rule of blocking: each rule once/,
    );
    const training = cdp(
      makeProject(
        model,
        config(
          `optionalBlocking: [["substr(first_name, 1, 2)"]], trainingBlocking: [["substr(first_name, 1, 2)"]],`,
        ),
      ),
      ["compile"],
    );
    expect(training.code).toBe(2);
    expect(training.stderr).toMatch(
      /identity\.match\.people\.trainingBlocking\.0.*\[substr\(first_name, 1, 2\)\] is optionalBlocking\[0\], applied only while the data is small enough: trainingBlocking names rules of blocking/,
    );
    const fine = cdp(makeProject(model, config(`optionalBlocking: [["substr(first_name, 1, 2)"]],`)), [
      "compile",
    ]);
    expect(fine.stderr).toBe("");
    expect(fine.code).toBe(0);
  });

  it("explanations use the right plural", () => {
    expect(plural("address")).toBe("addresses");
    expect(plural("city")).toBe("cities");
    expect(plural("date of birth")).toBe("dates of birth");
    expect(plural("first name")).toBe("first names");
    expect(levelWords("address", [{ exact: true }, { jaroWinkler: 0.9 }, { jaroWinkler: 0.8 }], 1)).toBe(
      "addresses are very similar (Jaro-Winkler ≥ 0.9)",
    );
    expect(levelWords("first name", [{ exact: true }, { swappedWith: "last_name" }], 1)).toBe(
      "first name is swapped with last_name (one record's equals the other's last_name)",
    );
  });
});
