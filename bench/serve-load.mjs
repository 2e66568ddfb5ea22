import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

// Plain JavaScript: a worker thread does not inherit the TypeScript loader bench/run.ts runs under.
/**
 * The load generator of `bench/serve.ts`, in a worker thread: `concurrency` keep-alive
 * connections each asking for one identifier after another for `seconds`; posts every latency.
 */
/** @type {{ url: string, token: string, paths: string[], concurrency: number, seconds: number }} */
const job = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
const latencies = [];
const statuses = {};
const deadline = performance.now() + job.seconds * 1000;
let next = 0;

function one() {
  const path = job.paths[next++ % job.paths.length];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${job.url}${path}`,
      { agent, headers: { authorization: `Bearer ${job.token}` } },
      (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          resolve();
        });
      },
    );
    req.on("error", reject);
  });
}

async function loop() {
  while (performance.now() < deadline) await one();
}

const started = performance.now();
await Promise.all(Array.from({ length: job.concurrency }, loop));
const elapsed = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ latencies, statuses, elapsed });
