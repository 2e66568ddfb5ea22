import { describe, expect, it } from "vitest";
import { cdp, makeProject } from "../helpers/project.ts";

describe("snapshot config", () => {
  it("names what a snapshot lacks, and snapshot keys on another materialization, as compile errors", () => {
    const dir = makeProject({
      "models/no_key.sql": `{{config materialized="snapshot" strategy="check" check_cols="all"}}\nselect 1 as id`,
      "models/no_strategy.sql": `{{config materialized="snapshot" unique_key="id"}}\nselect 1 as id`,
      "models/no_updated_at.sql": `{{config materialized="snapshot" unique_key="id" strategy="timestamp"}}\nselect 1 as id`,
      "models/stray.sql": `{{config materialized="table" strategy="check"}}\nselect 1 as id`,
    });
    const r = cdp(dir, ["compile"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("models/no_key.sql:1 (no_key): a snapshot needs a unique_key");
    expect(r.stderr).toContain(
      'models/no_strategy.sql:1 (no_strategy): a snapshot needs strategy="timestamp"',
    );
    expect(r.stderr).toContain('strategy="timestamp" needs updated_at="<column>"');
    expect(r.stderr).toContain(
      'models/stray.sql:1 (stray): strategy applies only to materialized="snapshot"',
    );
  });

  it("--full-refresh leaves a snapshot's history alone", () => {
    const dir = makeProject({
      "seeds/people.csv": "id,email\n1,a@x.org\n",
      "models/hist.sql": `{{config materialized="snapshot" unique_key="id" strategy="check" check_cols="email"}}\nselect * from {{ref "people"}}`,
    });
    expect(cdp(dir, ["build"]).code).toBe(0);
    const r = cdp(dir, ["build", "--full-refresh", "--log-format", "json"]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toContain("0 new versions, 0 closed");
  });
});
