import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdp, makeProject } from "../helpers/project.ts";

/** target/ artifacts a tool can read, and output that counts right. */

const CONFIG = `export default {
  name: "art",
  warehouse: { type: "duckdb", path: ".cdp/art.duckdb" },
  threads: 1,
  sources: { crm: { schema: "main", tables: { contacts: "people" }, freshness: { loadedAt: "loaded_at", warnAfter: "1d" } } },
  syncs: {
    people_file: {
      model: "from_crm", primaryKey: "id", mode: "upsert",
      destination: { type: "file", dir: "exports", format: "csv" },
    },
  },
};
`;

const FILES = {
  "seeds/people.csv": "id,loaded_at\n1,2026-01-01 00:00:00\n2,2026-01-02 00:00:00\n",
  "models/from_crm.sql": `select id from {{source "crm" "contacts"}}`,
  "models/events.sql": `{{config materialized="incremental" unique_key="id"}}
select id, loaded_at from {{ref "people"}}
{{#if is_incremental}}where loaded_at > (select max(loaded_at) from {{self}}){{/if}}`,
};

const read = (dir: string, file: string) => JSON.parse(readFileSync(path.join(dir, "target", file), "utf8"));

/** Every key of `value` at any depth, but inside row data (samples), which keeps its columns' names. */
function keys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keys(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      if (k !== "sample" && k !== "samples") keys(v, out);
    }
  }
  return out;
}

describe("artifacts", () => {
  it("the manifest lists syncs as exits and sources with their readers, never a destination's settings", () => {
    const dir = makeProject(FILES, CONFIG);
    expect(cdp(dir, ["compile"]).code).toBe(0);
    const manifest = read(dir, "manifest.json");
    expect(manifest.syncs["sync.people_file"]).toEqual({
      name: "people_file",
      resource_type: "sync",
      depends_on: ["model.from_crm"],
      model: "from_crm",
      mode: "upsert",
      primary_key: "id",
      destination_type: "file",
      enabled: true,
      targets: null,
      fields: [],
    });
    expect(manifest.sources["source.crm.contacts"]).toEqual({
      source_name: "crm",
      name: "contacts",
      resource_type: "source",
      relation: { schema: "main", name: "people" },
      loaded_at_field: "loaded_at",
      checksum: expect.stringMatching(/^[0-9a-f]{16}$/),
      read_by: ["model.from_crm"],
    });
    expect(JSON.stringify(manifest)).not.toContain("exports");
  });

  it("run_results and sync_results name everything in snake_case, durations to the millisecond; output counts right", () => {
    const dir = makeProject(FILES, CONFIG);
    expect(cdp(dir, ["seed"]).code).toBe(0);
    const r = cdp(dir, ["build", "--select", "from_crm", "--threads", "1"]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toContain("· 1 node · 1 thread");
    expect(r.stdout).toMatch(/\n1 sync in \d+\.\d\ds → target\/sync_results\.json/);
    expect(r.stdout.match(/Done\./g)).toHaveLength(1);
    for (const file of ["run_results.json", "sync_results.json"]) {
      const json = read(dir, file);
      expect(
        keys(json).filter((k) => !/^[a-z0-9_]+$/.test(k)),
        file,
      ).toEqual([]);
      expect(json.metadata).toMatchObject({ project_name: "art", target_name: "default" });
      const times = [
        json.elapsed_time,
        ...json.results.map((x: { execution_time: number }) => x.execution_time),
      ];
      for (const t of times) expect(Number.isInteger(Math.round(t * 1000 * 1e6) / 1e6)).toBe(true);
    }
    expect(read(dir, "sync_results.json").results[0]).toMatchObject({
      unique_id: "sync.people_file",
      status: "success",
    });
    const sync = cdp(dir, ["sync"]);
    expect(sync.stdout).toMatch(/Done\. 1 sync in/);
  });

  it("cdp compile --incremental writes the is_incremental branch a scheduled run executes", () => {
    const dir = makeProject(FILES, CONFIG);
    const file = path.join(dir, "target/compiled/models/events.sql");
    expect(cdp(dir, ["compile"]).code).toBe(0);
    expect(readFileSync(file, "utf8")).not.toContain("where loaded_at >");
    const r = cdp(dir, ["compile", "--incremental"]);
    expect(r.code, r.output).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(
      `where loaded_at > (select max(loaded_at) from "main"."events")`,
    );
    expect(r.stdout).toMatch(/^Compiled 2 models, 1 seed, 0 tests in/);
  });
});
