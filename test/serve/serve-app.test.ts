import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, serve } from "../../src/serve/serve.ts";
import { chromiumMissing, launchBrowser, type TestBrowser, warnBrowserSkipped } from "../helpers/browser.ts";
import { copyDemo } from "../helpers/demo.ts";
import { cdp } from "../helpers/project.ts";

let dir: string;
let server: RunningServer;
/** A member of the demo's win-back audience, with what the warehouse says about it. */
let person: { email: string; profileId: string; identifiers: string[]; audiences: string[] };
/** The demo's strongest probabilistic pair, and the last names its records hold. */
let pair: { a: string; b: string; lastNames: [string, string] };

/** Read straight from the built database (before the server starts), to compare with what it shows. */
async function expectedPerson(file: string) {
  const db = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  const c = await db.connect();
  const rows = async (sql: string) =>
    (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, string>[];
  const [member] = await rows(
    "select email, profile_id from aud_high_value_at_risk order by profile_id limit 1",
  );
  const ids = await rows(
    `select identifier_type || ' ' || identifier as i from identity_graph where profile_id = '${member!.profile_id}' order by 1`,
  );
  const audiences: string[] = [];
  for (const a of ["aud_high_value_at_risk", "aud_recent_signups_no_order"]) {
    if ((await rows(`select 1 from ${a} where profile_id = '${member!.profile_id}'`)).length)
      audiences.push(a);
  }
  const [top] = await rows(
    "select record_id_l as a, record_id_r as b from support_loyalty_matches order by match_weight desc, 1, 2 limit 1",
  );
  const names = await rows(
    `select record_id, last_name from (${"select 'ticket:' || ticket_id as record_id, last_name from stg_support_tickets union all select 'loyalty:' || member_id, last_name from stg_loyalty_members union all select 'contact:' || cast(contact_id as varchar), last_name from stg_crm_contacts"}) where record_id in ('${top!.a}', '${top!.b}')`,
  );
  const lastName = (id: string) => names.find((n) => n.record_id === id)?.last_name ?? "";
  pair = { a: top!.a!, b: top!.b!, lastNames: [lastName(top!.a!), lastName(top!.b!)] };
  c.closeSync();
  db.closeSync();
  return {
    email: member!.email!,
    profileId: member!.profile_id!,
    identifiers: ids.map((r) => r.i!),
    audiences,
  };
}

beforeAll(async () => {
  dir = copyDemo("cdp-serve-demo-");
  const built = cdp(dir, ["build"]);
  expect(built.code, built.output).toBe(0);
  person = await expectedPerson(path.join(dir, ".cdp/demo.duckdb"));
  server = await serve({ projectDir: dir, port: 0 });
}, 240_000);

afterAll(async () => {
  await server?.close();
});

describe("cdp serve: the app's JSON", () => {
  it("finds a profile by any identifier written any way, and shows all of it", async () => {
    const shouted = ` ${person.email.toUpperCase()} `;
    const search = (await (
      await fetch(`${server.url}/app/api/search?q=${encodeURIComponent(shouted)}`)
    ).json()) as {
      matches: { profile_id: string }[];
    };
    expect(search.matches.map((m) => m.profile_id)).toEqual([person.profileId]);
    const p = (await (await fetch(`${server.url}/app/api/profiles/${person.profileId}`)).json()) as {
      identifiers: { type: string; value: string; sources: string[] }[];
      records: unknown[];
      golden: Record<string, { value: unknown; source?: string }>;
      traits: Record<string, unknown>;
      audiences: string[];
    };
    expect(p.identifiers.map((i) => `${i.type} ${i.value}`).sort()).toEqual(person.identifiers);
    expect(p.identifiers.every((i) => i.sources.length > 0)).toBe(true);
    expect(p.audiences.sort()).toEqual(person.audiences);
    expect(p.golden.email?.value).toBe(person.email);
    expect(p.golden.email?.source).toBeTruthy();
    expect(p.traits.churn_risk).toBe("high");
    expect(p.records.length).toBeGreaterThan(0);
  });

  it("explains a probabilistic link in the words of cdp identity explain, with the values compared", async () => {
    const search = (await (
      await fetch(`${server.url}/app/api/search?q=${encodeURIComponent(pair.a.split(":")[1]!)}`)
    ).json()) as {
      matches: { profile_id: string }[];
    };
    expect(search.matches.length).toBeGreaterThan(0);
    const links = (
      await Promise.all(
        search.matches.map(async (m) => {
          const p = (await (await fetch(`${server.url}/app/api/profiles/${m.profile_id}`)).json()) as {
            links: { record_a: string; record_b: string; explanation: string }[];
          };
          return p.links;
        }),
      )
    ).flat();
    const link = links.find((l) => l.record_a === pair.a && l.record_b === pair.b);
    expect(link, JSON.stringify(links.map((l) => [l.record_a, l.record_b]))).toBeDefined();
    expect(link!.explanation).toContain(`Why support_loyalty_matches scores ${pair.a} and ${pair.b}`);
    // Each comparison names what it compared; the last names as the records hold them.
    expect(link!.explanation).toContain(
      `: ${JSON.stringify(pair.lastNames[0])} and ${JSON.stringify(pair.lastNames[1])}`,
    );
    expect(link!.explanation).not.toMatch(/undefined|\[object/);
  });

  it("answers audiences: sizes, overlap, a sample", async () => {
    const { audiences } = (await (await fetch(`${server.url}/app/api/audiences`)).json()) as {
      audiences: { name: string; size: number; history: { size: number }[] }[];
    };
    const winBack = audiences.find((a) => a.name === "aud_high_value_at_risk")!;
    expect(winBack.size).toBeGreaterThan(0);
    // The build's file sync delivered the whole audience: the last point of its history is its size.
    expect(winBack.history.at(-1)?.size).toBe(winBack.size);
    const overlap = (await (
      await fetch(`${server.url}/app/api/audiences/overlap?a=aud_high_value_at_risk&b=aud_high_value_at_risk`)
    ).json()) as { both: number };
    expect(overlap.both).toBe(winBack.size);
    const sample = (await (
      await fetch(`${server.url}/app/api/audiences/aud_high_value_at_risk/sample`)
    ).json()) as {
      rows: { profile_id: string }[];
    };
    expect(sample.rows[0]?.profile_id).toBe(person.profileId);
  });
});

describe.skipIf(!!chromiumMissing())("cdp serve in chromium", () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("loads the lineage, then Profile 360 finds a demo e-mail with its identifiers and audiences", async () => {
    const { page, errors } = await browser.page();
    await page.goto(`${server.url}/app/`);
    await page.waitForFunction(() => !!(window as { __cdpLineage?: unknown }).__cdpLineage);
    await page.getByRole("link", { name: "Profile 360" }).click();
    await page.getByLabel("Identifier").fill(person.email);
    await page.getByLabel("Identifier").press("Enter");
    const profile = page.getByRole("region", { name: `Profile ${person.profileId}` });
    await profile.waitFor();
    const table = profile.getByRole("table", { name: "Identifiers and where each came from" });
    const cells = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => `${r.children[0]!.textContent} ${r.children[1]!.textContent}`));
    expect(cells.sort()).toEqual(person.identifiers);
    expect(await profile.locator("#profile-audiences li").allTextContents()).toEqual(person.audiences);
    await browser.screenshot(page, "serve-profile-360");
    await page.getByRole("link", { name: "Audiences" }).click();
    await page.getByRole("button", { name: "Compare" }).click();
    await expect.poll(() => page.locator("#overlap-result").textContent()).toMatch(/profiles in both/);
    await browser.screenshot(page, "serve-audiences");
    expect(errors).toEqual([]);
  }, 60_000);
});

warnBrowserSkipped("cdp serve in chromium");
