import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DuckdbWarehouse } from "../../src/warehouse/duckdb/index.ts";
import { cdpAsync } from "../helpers/cdp-process.ts";
import { demoCopy } from "./demo-copy.ts";

/** The demo keeps its golden profiles' history: a changed name becomes a second version. */
describe("the demo's profile_history snapshot", () => {
  it("closes a profile's version when its CRM name changes, and opens the new one", async () => {
    const dir = demoCopy("pr_snap");
    const first = await cdpAsync(dir, ["build", "--no-sync"]);
    expect(first.code, first.output).toBe(0);
    const open = () =>
      DuckdbWarehouse.open({ path: path.join(dir, ".cdp/demo.duckdb"), schema: "main", connections: 1 });
    let wh = await open();
    const [profile] = await wh.query<{ profile_id: string }>(
      `select profile_id from main.record_profiles where source = 'raw_crm_contacts' and record_id = '100005'`,
    );
    const [counts] = await wh.query<{ versions: number; current: number; profiles: number }>(
      `select (select count(*) from main.profile_history) as versions,
              (select count(*) from main.profile_history where cdp_valid_to is null) as current,
              (select count(*) from main.profiles) as profiles`,
    );
    await wh.close();
    expect(counts!.versions).toBe(counts!.profiles);
    expect(counts!.current).toBe(counts!.profiles);

    const seed = path.join(dir, "seeds/raw_crm_contacts.csv");
    const text = readFileSync(seed, "utf8");
    expect(text).toContain("100005,Susanne,Klein,");
    writeFileSync(seed, text.replace("100005,Susanne,Klein,", "100005,Susanne,Klein-Weber,"));
    const second = await cdpAsync(dir, ["build", "--select", "+profile_history", "--no-sync"]);
    expect(second.code, second.output).toBe(0);
    wh = await open();
    try {
      const versions = await wh.query<{ last_name: string; cdp_valid_to: Date | null }>(
        `select last_name, cdp_valid_to from main.profile_history where profile_id = '${profile!.profile_id}' order by cdp_valid_from`,
      );
      expect(versions.map((v) => v.last_name)).toEqual(["Klein", "Klein-Weber"]);
      expect(versions[0]!.cdp_valid_to).toBeInstanceOf(Date);
      expect(versions[1]!.cdp_valid_to).toBeNull();
    } finally {
      await wh.close();
    }
  }, 300_000);
});
