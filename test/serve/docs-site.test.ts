import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { layOut } from "../../src/serve/docs/layout.ts";
import { renderSite } from "../../src/serve/docs/site.ts";
import type { DocsData } from "../../src/serve/docs/types.ts";
import { chromiumMissing, launchBrowser, type TestBrowser, warnBrowserSkipped } from "../helpers/browser.ts";
import { copyDemo } from "../helpers/demo.ts";
import { cdp } from "../helpers/project.ts";

let dir: string;
let site: string;
let data: DocsData;

beforeAll(() => {
  dir = copyDemo();
  const built = cdp(dir, ["build"]);
  expect(built.code, built.output).toBe(0);
  const docs = cdp(dir, ["docs", "generate"]);
  expect(docs.code, docs.output).toBe(0);
  expect(docs.stdout).toContain("target/docs/index.html");
  site = path.join(dir, "target/docs/index.html");
  const html = readFileSync(site, "utf8");
  data = JSON.parse(/window\.__CDP_DATA__=(.*?);window\.__CDP_TYPES__/s.exec(html)![1]!) as DocsData;
}, 240_000);

describe("cdp docs generate", () => {
  it("writes one page that loads nothing from the network", () => {
    const html = readFileSync(site, "utf8");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)|<img[^>]+src=|@import/i);
    expect(html).toContain("<style>");
  });

  it("has every seed, model, test and sync of the demo, with their details", () => {
    const names = (kind: string) => data.nodes.filter((n) => n.kind === kind).map((n) => n.name);
    expect(names("seed")).toContain("raw_crm_contacts");
    expect(names("model")).toEqual(
      expect.arrayContaining(["identity_graph", "profiles", "aud_high_value_at_risk"]),
    );
    expect(names("sync")).toEqual(expect.arrayContaining(["high_value_at_risk_file", "recent_signups_file"]));
    const profiles = data.nodes.find((n) => n.id === "model.profiles")!;
    expect(profiles.description).toContain("golden record");
    expect(profiles.materialized).toBe("table");
    expect(profiles.columns?.map((c) => c.name)).toEqual(expect.arrayContaining(["profile_id", "email"]));
    expect(profiles.compiled).toContain("profile_records");
    expect(profiles.lastRun?.status).toBe("success");
    expect(profiles.tests?.length).toBeGreaterThan(0);
    const test = data.nodes.find((n) => n.id === profiles.tests![0])!;
    expect(test.lastRun?.status).toBe("pass");
    const sync = data.syncs.find((s) => s.name === "high_value_at_risk_file")!;
    expect(sync.runs[0]?.status).toBe("success");
    expect(data.identity[0]?.model).toBe("identity_graph");
    expect(data.identity[0]!.profiles).toBeGreaterThan(100);
  });
});

describe.skipIf(!!chromiumMissing())("the generated site in chromium (file://)", () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("draws every node of the demo's lineage, and search highlights ancestors and descendants", async () => {
    const { page, errors } = await browser.page();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(site).href);
    await page.waitForFunction(() => !!(window as { __cdpLineage?: unknown }).__cdpLineage);
    const drawn = await page.evaluate(
      () => (window as unknown as { __cdpLineage: { nodes: number } }).__cdpLineage,
    );
    expect(drawn.nodes).toBe(data.nodes.length);
    await page.getByLabel("Search nodes").fill("profile_traits");
    await page.getByRole("button", { name: "profile_traits (model)" }).click();
    const details = page.getByRole("region", { name: "Selected node" });
    await expect
      .poll(() => details.getByRole("heading", { level: 2 }).first().textContent())
      .toBe("profile_traits");
    expect(await details.getByRole("button", { name: "model.profiles" }).count()).toBe(1);
    expect(await details.getByRole("button", { name: "model.aud_high_value_at_risk" }).count()).toBe(1);
    await browser.screenshot(page, "docs-lineage");
    // The keyboard reaches the model's page through the details' link.
    await details.getByRole("link", { name: "Open profile_traits" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("profile_traits");
    expect(await page.getByRole("table", { name: "Columns" }).count()).toBe(1);
    await browser.screenshot(page, "docs-model");
    await page.getByRole("link", { name: "Identity" }).click();
    await expect.poll(() => page.getByRole("table", { name: "Largest profiles" }).count()).toBe(1);
    await page.getByRole("link", { name: "Syncs" }).click();
    await expect
      .poll(() => page.getByRole("table", { name: "Last runs of high_value_at_risk_file" }).count())
      .toBe(1);
    expect(errors).toEqual([]);
    // Nothing but the page itself was fetched: no CDN, no fonts, no network.
    expect(requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
  }, 60_000);
});

describe.skipIf(!!chromiumMissing())("a large project's lineage in chromium", () => {
  it("opens at once and draws one lineage at a time, the whole graph on demand", async () => {
    // A chain of 4,000 models, each reading the one before: past the size drawn whole at first.
    const nodes = Array.from({ length: 4000 }, (_, i) => ({
      id: `model.m${i}`,
      name: `m${i}`,
      kind: "model" as const,
      dependsOn: i ? [`model.m${i - 1}`] : [],
    }));
    const big: DocsData = {
      project: "big",
      target: "dev",
      generatedAt: new Date().toISOString(),
      live: false,
      nodes: layOut(nodes),
      identity: [],
      syncs: [],
    };
    const file = path.join(dir, "target/big.html");
    writeFileSync(file, await renderSite(big));
    const browser = await launchBrowser();
    try {
      const { page, errors } = await browser.page();
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => !!(window as { __cdpLineage?: unknown }).__cdpLineage);
      const drawn = () =>
        page.evaluate(() => (window as unknown as { __cdpLineage: { nodes: number } }).__cdpLineage.nodes);
      expect(await drawn()).toBe(0);
      expect(await page.locator("#lineage-status").textContent()).toContain("4,000 nodes");
      await page.getByLabel("Search nodes").fill("m3999");
      await page.getByLabel("Search nodes").press("Enter");
      await expect
        .poll(() => page.locator("#lineage-status").textContent())
        .toContain("Showing the lineage of m3999");
      // The nearest 1,500 ancestors, and the node itself; every ancestor is still listed.
      expect(await drawn()).toBe(1501);
      await expect.poll(() => page.getByRole("heading", { name: "Ancestors (3999)" }).count()).toBe(1);
      await page.getByRole("button", { name: "Draw the whole graph" }).click();
      await expect.poll(drawn, { timeout: 30_000 }).toBe(4000);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});

warnBrowserSkipped("the docs site in chromium");
