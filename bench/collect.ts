import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { median, table } from "./measure.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORK = path.join(ROOT, "bench/.work/collect");
const KEY = "bench-write-key-0123456789";
/** `getconf CLK_TCK`: 100 on Linux. */
const CLOCK_TICKS = 100;

interface Collector {
  child: ChildProcess;
  url: string;
  port: number;
  /**
   * Peak resident set (VmHWM) so far, in MB, of the collector's process and any process it
   * started, added (the sum of the peaks, at least the peak of the sum). Its loader runs on a
   * thread of the collector's process, so it is counted there.
   */
  peakRssMb(): number;
  /** The same, per process: the server's first. */
  peakRssMbEach(): number[];
  /** Resident set now, in MB: the collector's process and any it started, added. */
  rssMb(): number;
  /** CPU time (user + system) of the collector's process (all its threads) and any it started, in seconds. */
  cpuSeconds(): number;
  /** SIGTERM and wait: the collector finishes in-flight requests and exits 0. */
  stop(): Promise<number | null>;
}

function project(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "cdp.config.ts"),
    `import { secret } from "cdp";
export default {
  name: "bench",
  warehouse: { type: "duckdb", path: ".cdp/bench.duckdb" },
  collect: { sources: { bench: { writeKey: secret("CDP_BENCH_WRITE_KEY") } }, diskBudgetBytes: 20 * 1024 ** 3 },
};
`,
  );
}

/** A process and its descendants (`/proc/<pid>/task/<pid>/children`), those still running. */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(" ")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return [pid, ...children.flatMap(processTree)];
}

function procRead(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return ""; // exited in between
  }
}

function peakRssEach(pid: number): number[] {
  return processTree(pid).map((p) => {
    const m = /VmHWM:\s+(\d+) kB/.exec(procRead(p, "status"));
    return m ? Number(m[1]) / 1024 : 0;
  });
}

/** The real `cdp collect`, in its own process. */
function startCollector(dir: string, port = 0): Promise<Collector> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, "bin/cdp.js"),
      "collect",
      "--project-dir",
      dir,
      "--port",
      String(port),
      "--log-format",
      "json",
    ],
    { env: { ...process.env, CDP_BENCH_WRITE_KEY: KEY, CI: "true" }, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => l.includes('"event":"collecting"'));
      if (!line || !child.pid) return;
      buffer = "";
      const url = String((JSON.parse(line) as { url: string }).url);
      const pid = child.pid;
      resolve({
        child,
        url,
        port: Number(new URL(url).port),
        peakRssMb: () => peakRssEach(pid).reduce((a, b) => a + b, 0),
        peakRssMbEach: () => peakRssEach(pid),
        rssMb: () =>
          processTree(pid).reduce((mb, p) => {
            const m = /VmRSS:\s+(\d+) kB/.exec(procRead(p, "status"));
            return mb + (m ? Number(m[1]) / 1024 : 0);
          }, 0),
        cpuSeconds: () =>
          processTree(pid).reduce((s, p) => {
            // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the `(comm)` field.
            const fields = procRead(p, "stat").split(") ")[1]?.split(" ") ?? [];
            return s + (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / CLOCK_TICKS;
          }, 0),
        stop: () => {
          const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
          child.kill("SIGTERM");
          return exited;
        },
      });
    });
    child.once("exit", (code) => reject(new Error(`cdp collect exited with ${code} before listening`)));
  });
}

/** Runs a script of this folder in its own process; resolves with its stdout lines. */
function runScript(script: string, job: unknown, onLine?: (line: string) => void): Promise<string[]> {
  const child = spawn(process.execPath, [path.join(ROOT, "bench", script), JSON.stringify(job)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop()!;
    for (const l of parts) {
      lines.push(l);
      onLine?.(l);
    }
  });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(lines) : reject(new Error(`${script} exited with ${code}`)),
    ),
  );
}

interface LoadResult {
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  eventBytes: number;
}

/** The loader's gauges from `/metrics`: events it loaded since it started, the lag of its last batch. */
async function loaderGauges(url: string): Promise<{ loaded: number; lag: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? 0);
  return { loaded: gauge("cdp_collect_loader_loaded_events"), lag: gauge("cdp_collect_loader_lag_seconds") };
}

async function loadRun(kind: "batch" | "single" | "baseline", seconds: number, rate?: number) {
  const dir = path.join(WORK, `${kind}-${Date.now()}`);
  project(dir);
  const collector = await startCollector(dir);
  try {
    const cpuBefore = collector.cpuSeconds();
    // The lag of every micro-batch while the load runs (a batch's lag shows until the next one).
    let maxLag = 0;
    // The peak of the processes' total, sampled (their peaks, added, may come at different times).
    let peakTotal = 0;
    const rssSampling = setInterval(() => (peakTotal = Math.max(peakTotal, collector.rssMb())), 100);
    const sampling = setInterval(() => {
      void loaderGauges(collector.url).then(
        (g) => (maxLag = Math.max(maxLag, g.lag)),
        () => undefined,
      );
    }, 250);
    const [line] = await runScript("collect-load.mjs", {
      url: collector.url,
      key: KEY,
      kind,
      connections: kind === "batch" ? 16 : 64,
      seconds,
      rate,
    }).finally(() => clearInterval(sampling));
    const r = JSON.parse(line!) as LoadResult;
    const cpu = collector.cpuSeconds() - cpuBefore;
    // Then until the loader has every acknowledged event in the landing area.
    const acknowledged = kind === "baseline" ? 0 : r.ok * (kind === "batch" ? 100 : 1);
    const loadEnded = performance.now();
    for (;;) {
      const g = await loaderGauges(collector.url);
      maxLag = Math.max(maxLag, g.lag);
      if (g.loaded >= acknowledged || performance.now() - loadEnded > 120_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const drainSeconds = (performance.now() - loadEnded) / 1000;
    clearInterval(rssSampling);
    const rss = collector.peakRssMb();
    const rssEach = collector.peakRssMbEach();
    const code = await collector.stop();
    if (code !== 0) throw new Error(`cdp collect exited with ${code} on SIGTERM`);
    return { ...r, rss, rssEach, peakTotal, cpu, maxLag, drainSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * SIGKILL the collector `kills` times while retrying clients send `events`; then load what is left
 * and build: every acknowledged event must be in the warehouse's `tracks` exactly once.
 */
async function crashTest(events: number, kills: number) {
  const dir = path.join(WORK, `crash-${Date.now()}`);
  project(dir);
  const ackFile = path.join(dir, "acked.txt");
  const port = await freePort();
  let collector = await startCollector(dir, port);
  let killed = 0;
  let restarting = false;
  const step = Math.floor(events / (kills + 1));
  const t0 = performance.now();
  await runScript("collect-crash-client.mjs", { port, key: KEY, events, concurrency: 8, ackFile }, (line) => {
    const { acked } = JSON.parse(line) as { acked?: number };
    if (acked === undefined || restarting || killed >= kills || acked < step * (killed + 1)) return;
    restarting = true;
    killed++;
    collector.child.kill("SIGKILL");
    collector.child.once("exit", () => {
      void startCollector(dir, port).then((c) => {
        collector = c;
        restarting = false;
      });
    });
  });
  const seconds = (performance.now() - t0) / 1000;
  while (restarting) await new Promise((r) => setTimeout(r, 50));
  await collector.stop();
  // What was acknowledged is in the log or, once loaded, in the landing area; a build compacts the
  // landed events into the warehouse's tables, and `collect load` moves what the log still holds.
  const env = { ...process.env, CDP_BENCH_WRITE_KEY: KEY };
  for (const args of [["collect", "load"], ["build"]]) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/cdp.js"), ...args, "--project-dir", dir], {
      env,
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`cdp ${args.join(" ")} failed: ${r.stdout}${r.stderr}`);
  }
  const db = await DuckDBInstance.create(path.join(dir, ".cdp/bench.duckdb"), { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  const rows = (
    await conn.runAndReadAll("SELECT id, COUNT(*) AS n FROM events.tracks GROUP BY id")
  ).getRows();
  conn.closeSync();
  db.closeSync();
  const inWarehouse = new Map(rows.map(([id, n]) => [String(id), Number(n)]));
  const acked = readFileSync(ackFile, "utf8").split("\n").filter(Boolean);
  const missing = acked.filter((id) => !inWarehouse.has(id)).length;
  const duplicates = [...inWarehouse.values()].filter((n) => n > 1).length;
  rmSync(dir, { recursive: true, force: true });
  return {
    kills: killed,
    acked: acked.length,
    distinctInWarehouse: inWarehouse.size,
    missing,
    duplicates,
    seconds,
  };
}

/**
 * `npm run bench -- --only collect`: the collector (`cdp collect`, its own process) under a load
 * generator in another process over keep-alive connections on 127.0.0.1. Goals (issue 21):
 * ≥ 20,000 events/s acknowledged durably in batches of 100 events of ~1 KB; p99 ≤ 50 ms at
 * 5,000 single-event requests/s; peak RSS ≤ 300 MB; no acknowledged event lost across SIGKILLs.
 */
export async function benchCollect(runs: number, seconds: number): Promise<string> {
  if (!existsSync(WORK)) mkdirSync(WORK, { recursive: true });
  const batch: Awaited<ReturnType<typeof loadRun>>[] = [];
  const single: Awaited<ReturnType<typeof loadRun>>[] = [];
  const baseline: Awaited<ReturnType<typeof loadRun>>[] = [];
  const load: number[] = [];
  for (let i = 0; i < runs; i++) {
    load.push(os.loadavg()[0]!);
    baseline.push(await loadRun("baseline", Math.min(seconds, 3)));
    batch.push(await loadRun("batch", seconds));
    single.push(await loadRun("single", seconds, 5000));
  }
  const crash = await crashTest(100_000, 4);
  const eventsPerSecond = batch.map((r) => (r.ok * 100) / r.seconds);
  const rows = [
    {
      measure: "events/s acknowledged (batches of 100)",
      median: Math.round(median(eventsPerSecond)),
      runs: eventsPerSecond.map((v) => Math.round(v)).join(" "),
      goal: "≥ 20,000",
    },
    {
      measure: "events per CPU-second of the collector (batches of 100)",
      median: Math.round(median(batch.map((r) => (r.ok * 100) / r.cpu))),
      runs: batch.map((r) => Math.round((r.ok * 100) / r.cpu)).join(" "),
      goal: "≥ 20,000 (a core for the collector, one for the load)",
    },
    {
      measure: "batch p99 latency, ms",
      median: median(batch.map((r) => r.p99)),
      runs: batch.map((r) => r.p99).join(" "),
      goal: "",
    },
    {
      measure: "p99 latency at 5,000 req/s (1 event), ms",
      median: median(single.map((r) => r.p99)),
      runs: single.map((r) => r.p99).join(" "),
      goal: "≤ 50",
    },
    {
      measure: "single-event requests per CPU-second of the collector",
      median: Math.round(median(single.map((r) => r.ok / r.cpu))),
      runs: single.map((r) => Math.round(r.ok / r.cpu)).join(" "),
      goal: "",
    },
    {
      measure: "load lag at 5,000 req/s: receipt to commit, worst batch, s",
      median: median(single.map((r) => r.maxLag)),
      runs: single.map((r) => r.maxLag.toFixed(1)).join(" "),
      goal: "≤ 10",
    },
    {
      measure: "after a batch run: until every event was loaded, s",
      median: median(batch.map((r) => r.drainSeconds)),
      runs: batch.map((r) => r.drainSeconds.toFixed(1)).join(" "),
      goal: "",
    },
    {
      measure: "achieved req/s (1 event)",
      median: Math.round(median(single.map((r) => r.ok / r.seconds))),
      runs: single.map((r) => Math.round(r.ok / r.seconds)).join(" "),
      goal: "5,000",
    },
    {
      measure: "baseline: GET /health req/s, nothing parsed or written",
      median: Math.round(median(baseline.map((r) => r.ok / r.seconds))),
      runs: baseline.map((r) => Math.round(r.ok / r.seconds)).join(" "),
      goal: "(the machine's capacity now)",
    },
    {
      measure: "peak RSS of the collector: the processes' peaks added (an upper bound), MB",
      median: Math.round(median([...batch, ...single].map((r) => r.rss))),
      runs: [...batch, ...single].map((r) => Math.round(r.rss)).join(" "),
      goal: "≤ 300",
    },
    {
      measure: "peak of the total RSS (loader thread included), sampled every 100 ms, MB",
      median: Math.round(median([...batch, ...single].map((r) => r.peakTotal))),
      runs: [...batch, ...single].map((r) => Math.round(r.peakTotal)).join(" "),
      goal: "≤ 300",
    },
    {
      measure: "peak RSS per process (the collector + any it started), MB",
      median: Math.round(median([...batch, ...single].map((r) => r.rssEach[0] ?? 0))),
      runs: [...batch, ...single].map((r) => r.rssEach.map((mb) => Math.round(mb)).join("+")).join(" "),
      goal: "",
    },
    {
      measure: "non-2xx / errors (all load runs)",
      median: [...batch, ...single].reduce((a, r) => a + r.non2xx + r.errors, 0),
      runs: "",
      goal: "0",
    },
  ];
  const crashRow = [
    {
      "crash test": `${crash.kills} SIGKILLs, ${crash.acked.toLocaleString("en-US")} acknowledged in ${crash.seconds.toFixed(1)} s`,
      "acknowledged missing from the warehouse": crash.missing,
      "distinct events in the warehouse": crash.distinctInWarehouse,
      "loaded twice": crash.duplicates,
    },
  ];
  return `## collect (${runs} runs of ${seconds} s; event ~${batch[0]?.eventBytes ?? 0} bytes; 1-min load average before each run: ${load.map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores)\n\n${table(rows)}\n\n${table(crashRow)}\n`;
}
