import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import { DuckDBInstance } from "@duckdb/node-api";
import Fastify from "fastify";
import { loadConfig } from "../src/config/load.ts";
import { compileProject } from "../src/project/compile.ts";
import { apiRoutes } from "../src/serve/api-routes.ts";
import { collectDocs } from "../src/serve/docs/collect.ts";
import { renderSite } from "../src/serve/docs/site.ts";
import { ProfileIndex } from "../src/serve/profile-index.ts";
import { DuckdbWarehouse } from "../src/warehouse/duckdb/index.ts";
import { CHROMIUM_OPTIONS, chromiumMissing } from "../test/helpers/browser.ts";
import { generateProject } from "./generate-project.ts";
import { table } from "./measure.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORK = path.join(ROOT, "bench/.work");
const TOKEN = "bench-token-0123456789abcdef";

/** A warehouse of `profiles` profiles: 3 identifiers each (email, user_id, phone), 4 traits, 1 audience of 10%. */
async function makeWarehouse(file: string, profiles: number): Promise<void> {
  rmSync(file, { force: true });
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  await c.run(`create table identity_graph as
    select t.identifier_type, case t.identifier_type when 'email' then 'person' || i || '@example.com'
      when 'user_id' then 'u' || i else '+1555' || lpad(i::varchar, 7, '0') end as identifier,
      'p_' || md5(i::varchar)[1:20] as profile_id
    from range(${profiles}) r(i), (values ('email'), ('user_id'), ('phone')) t(identifier_type)`);
  await c.run(`create table profiles as select 'p_' || md5(i::varchar)[1:20] as profile_id, 'First' || (i % 1000) as first_name,
    (i % 50)::varchar as country, (i * 7 % 10000) / 100.0 as lifetime_value_usd, i % 3 = 0 as churn_risk_high from range(${profiles}) r(i)`);
  await c.run(`create table aud_vip as select profile_id from profiles where lifetime_value_usd > 90`);
  c.closeSync();
  db.closeSync();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

function load(url: string, paths: string[], concurrency: number, seconds: number) {
  return new Promise<{ latencies: number[]; statuses: Record<number, number>; elapsed: number }>(
    (resolve, reject) => {
      const worker = new Worker(new URL("./serve-load.mjs", import.meta.url), {
        workerData: { url, token: TOKEN, paths, concurrency, seconds },
      });
      worker.once("message", resolve);
      worker.once("error", reject);
    },
  );
}

async function benchApi(profiles: number, seconds: number): Promise<Record<string, string | number>[]> {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `serve-${profiles}.duckdb`);
  let t0 = performance.now();
  await makeWarehouse(file, profiles);
  const makeSeconds = (performance.now() - t0) / 1000;
  const wh = await DuckdbWarehouse.open({ path: file, schema: "main", connections: 2, readOnly: true });
  // A full collection before and after, so the heap figure is the index alone, not the garbage of building it.
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = performance.now();
  const index = await ProfileIndex.build(wh, {
    identity: { schema: "main", name: "identity_graph" },
    fields: [
      {
        relation: { schema: "main", name: "profiles" },
        columns: ["first_name", "country", "lifetime_value_usd"],
      },
    ],
    audiences: [{ name: "aud_vip", relation: { schema: "main", name: "aud_vip" } }],
  });
  const indexSeconds = (performance.now() - t0) / 1000;
  gc();
  const indexMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const app = Fastify({ logger: false });
  await app.register(apiRoutes, {
    prefix: "/v1",
    tokens: [
      {
        name: "bench",
        digest: (await import("node:crypto")).createHash("sha256").update(TOKEN).digest(),
        rateLimit: { max: 1e9, perSeconds: 1 },
      },
    ],
    targetName: "bench",
    index: () => index,
  });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  // Random identifiers over the whole index (and 5% unknown), so caches do not flatter the figures.
  const paths = Array.from({ length: 20_000 }, (_, k) => {
    const i = Math.floor(Math.random() * profiles);
    const type = ["email", "user_id", "phone"][k % 3]!;
    if (k % 20 === 0) return `/v1/profiles/user_id/nobody${k}`;
    const value =
      type === "email"
        ? `person${i}@example.com`
        : type === "user_id"
          ? `u${i}`
          : `+1555${String(i).padStart(7, "0")}`;
    return `/v1/profiles/${type}/${encodeURIComponent(value)}`;
  });
  await load(url, paths, 8, 1); // warm-up
  const rows: Record<string, string | number>[] = [];
  for (const concurrency of [1, 16]) {
    const r = await load(url, paths, concurrency, seconds);
    const sorted = r.latencies.sort((a, b) => a - b);
    rows.push({
      profiles,
      identifiers: index.size.identifiers,
      "index build s": indexSeconds,
      "index MB (JS heap)": Math.round(indexMb),
      connections: concurrency,
      "lookups/s": Math.round(sorted.length / r.elapsed),
      "p50 ms": percentile(sorted, 50),
      "p99 ms": percentile(sorted, 99),
      statuses: Object.entries(r.statuses)
        .map(([k, v]) => `${k}:${v}`)
        .join(" "),
      "warehouse made s": makeSeconds,
    });
  }
  await app.close();
  await wh.close();
  rmSync(file, { force: true });
  return rows;
}

/** The docs page of a generated project of `models` models, drawn by chromium: time until interactive. */
async function benchLineage(models: number): Promise<Record<string, string | number>[]> {
  const dir = path.join(WORK, `lineage-${models}`);
  generateProject(dir, models);
  const loaded = await loadConfig({ projectDir: dir });
  let t0 = performance.now();
  const compilation = compileProject(loaded);
  const data = await collectDocs({ loaded, compilation });
  const html = await renderSite(data);
  const generateSeconds = (performance.now() - t0) / 1000;
  const page = path.join(dir, "docs.html");
  writeFileSync(page, html);
  const { chromium } = await import("playwright-core");
  const profile = path.join(tmpdir(), `cdp-bench-chromium-${process.pid}`);
  const context = await chromium.launchPersistentContext(profile, CHROMIUM_OPTIONS);
  try {
    const tab = await context.newPage();
    t0 = performance.now();
    await tab.goto(`file://${page}`);
    await tab.waitForFunction(() => !!(window as { __cdpLineage?: unknown }).__cdpLineage, undefined, {
      timeout: 60_000,
    });
    // One more frame: the first draw is done when the browser can paint again.
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const interactive = (performance.now() - t0) / 1000;
    const drawn = await tab.evaluate(
      () => (window as unknown as { __cdpLineage: { nodes: number; edges: number } }).__cdpLineage,
    );
    t0 = performance.now();
    await tab.getByLabel("Search nodes").fill(`model_${models - 1}`);
    await tab.getByRole("button", { name: `model_${models - 1} (model)` }).click();
    await tab
      .getByRole("region", { name: "Selected node" })
      .getByRole("heading", { name: `model_${models - 1}` })
      .waitFor();
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const select = (performance.now() - t0) / 1000;
    const lineageNodes = await tab.evaluate(
      () => (window as unknown as { __cdpLineage: { nodes: number } }).__cdpLineage.nodes,
    );
    let whole = Number.NaN;
    const button = tab.getByRole("button", { name: "Draw the whole graph" });
    if (await button.count()) {
      t0 = performance.now();
      await button.click();
      await tab.waitForFunction(
        (n) => (window as unknown as { __cdpLineage: { nodes: number } }).__cdpLineage.nodes === n,
        data.nodes.length,
        { timeout: 120_000 },
      );
      await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      whole = (performance.now() - t0) / 1000;
    }
    return [
      {
        models,
        nodes: data.nodes.length,
        "drawn at first": drawn.nodes,
        "page MB": Math.round(html.length / 1e5) / 10,
        "generate s": generateSeconds,
        "open → interactive s": interactive,
        "search + draw its lineage s": select,
        "lineage nodes": lineageNodes,
        "draw the whole graph s": whole,
      },
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- --only serve [--profiles 1000000] [--seconds 10]`: the profile API's
 * lookups/s and latency over real HTTP (client in a worker thread on the same 2 cores), and the
 * lineage of a 10,000-model project opened in chromium. Goals (issue 20): p99 ≤ 10 ms and
 * ≥ 5,000 lookups/s with 1M profiles; the 10,000-model lineage interactive within 2 s.
 */
export async function benchServe(profiles: number, seconds: number, models: number): Promise<string> {
  const api = await benchApi(profiles, seconds);
  const missing = chromiumMissing();
  const lineage = missing ? `(lineage skipped: ${missing})` : table(await benchLineage(models));
  return `## serve: profile API (GET /v1/profiles/{type}/{value})\n\n${table(api)}\n\n## serve: lineage in chromium\n\n${lineage}\n`;
}
