import { describe, expect, it } from "vitest";
import { withHints } from "../../src/cli/usage-hints.ts";
import { configSchema } from "../../src/config/schema.ts";
import { keysAt } from "../../src/config/schema-keys.ts";
import { cdp, makeProject } from "../helpers/project.ts";

/** A misspelling anywhere gets the nearest right spelling: selectors, test arguments, config keys, commands, flags. */

describe("did-you-mean", () => {
  const dir = makeProject({
    "seeds/people.csv": "id\n1\n",
    "models/stg_orders.sql": `select id from {{ref "people"}}`,
  });

  it("for a selector name and a selector method", () => {
    const name = cdp(dir, ["build", "--select", "stg_orders", "stg_order"]);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain(
      'selector "stg_order" matches no model, seed or test. Did you mean "stg_orders"?',
    );
    const method = cdp(dir, ["ls", "--select", "tga:daily"]);
    expect(method.code).toBe(2);
    expect(method.stderr).toContain('unknown selector method "tga"');
    expect(method.stderr).toContain('Did you mean "tag"?');
    const exclude = cdp(dir, ["ls", "--exclude", "peeple"]);
    expect(exclude.code).toBe(2);
    expect(exclude.stderr).toContain('Did you mean "people"?');
  });

  it("for a test argument", () => {
    const p = makeProject({
      "models/m.sql": `{{test "not_null" colum="id"}}\nselect 1 as id`,
    });
    const r = cdp(p, ["compile"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('test "not_null": unknown argument colum. Did you mean "column"?');
  });

  it("for config keys at every depth, naming the line", () => {
    const p = makeProject(
      { "models/a.sql": "select 1 as id, 'a@b.c' as email" },
      `export default {
  name: "c",
  targets: { dev: { type: "duckdb", pth: ".cdp/x.duckdb" } },
  identity: { rulesets: { r: { normalise: {} } } },
  syncs: {
    s: {
      model: "a", primaryKey: "id", mode: "upsert", batchsize: 10,
      destination: { type: "file", dir: "out", formt: "csv" },
      fields: { email: "email" },
    },
  },
};
`,
    );
    const r = cdp(p, ["compile"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'cdp.config.ts:3 (targets.dev.pth): unknown config key "targets.dev.pth". Did you mean "path"?',
    );
    expect(r.stderr).toContain('Did you mean "normalize"?');
    expect(r.stderr).toContain(
      'cdp.config.ts:7 (syncs.s.batchsize): unknown config key "syncs.s.batchsize". Did you mean "batchSize"?',
    );
    expect(r.stderr).toContain(
      '(syncs.s.destination.formt): unknown config key "syncs.s.destination.formt". Did you mean "format"?',
    );
  });

  it("keysAt follows records, arrays and discriminated unions by the value's type", () => {
    const config = {
      targets: { dev: { type: "postgres" } },
      syncs: { s: { destination: { type: "file" } } },
    };
    expect(keysAt(configSchema, config, ["targets", "dev"])).toContain("host");
    expect(keysAt(configSchema, config, ["targets", "dev"])).not.toContain("path");
    expect(keysAt(configSchema, config, ["syncs", "s", "destination"])).toContain("dir");
  });

  it("for a command, a flag and a flag's value", () => {
    const command = cdp(dir, ["biuld"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("did you mean `cdp build`?");
    const flag = cdp(dir, ["sync", "--dryrun"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown flag --dryrun; did you mean --dry-run?");
    const value = cdp(dir, ["ls", "--output", "nme"]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('Did you mean "name"?');
  });

  it("for a sync's name", () => {
    const p = makeProject(
      { "models/a.sql": "select 1 as id" },
      `export default {
  name: "c", warehouse: { type: "duckdb", path: ".cdp/c.duckdb" },
  syncs: { people_file: { model: "a", primaryKey: "id", mode: "upsert", destination: { type: "file", dir: "out" } } },
};
`,
    );
    const r = cdp(p, ["sync", "people_fil", "--dry-run"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'unknown sync people_fil; cdp.config.ts declares: people_file. Did you mean "people_file"?',
    );
  });

  it("withHints drops yargs' camel-cased duplicates and tells flags from stray words", () => {
    const text = withHints(
      "Unknown arguments: ful-resync, fulResync, extra",
      ["full-resync"],
      ["sync", "--ful-resync", "extra"],
      ["sync", "seed"],
    );
    expect(text).toContain("unknown flag --ful-resync; did you mean --full-resync?");
    expect(text).not.toContain("fulResync");
    expect(text).toContain('unknown command or argument "extra"');
  });
});
