// Plain JavaScript, run as its own process by bench/collect.ts: the load generator must not share
// the collector's CPU time slices or event loop.
/**
 * `node bench/collect-load.mjs '<json job>'`: autocannon over keep-alive connections against the
 * collector; prints one JSON line with its result.
 * job: { url, key, kind: "batch" | "single" | "baseline", connections, seconds, rate? }
 * (`baseline`: GET /health, nothing parsed or written: what the machine serves right now).
 */
import autocannon from "autocannon";

const job = JSON.parse(process.argv[2]);
const pad = "x".repeat(760);
const event = (i) => ({
  type: "track",
  messageId: `bench-${i}-${"0".repeat(20)}`,
  anonymousId: `anon-${i % 1000}`,
  userId: `user-${i % 500}`,
  event: "Product Viewed",
  timestamp: new Date().toISOString(),
  properties: { sku: `SKU-${i}`, price: 19.99, currency: "EUR", note: pad },
  context: {
    library: { name: "bench", version: "1" },
    page: { url: "https://shop.example/p/1", path: "/p/1" },
  },
});
const body =
  job.kind === "batch"
    ? JSON.stringify({
        batch: Array.from({ length: 100 }, (_, i) => event(i)),
        sentAt: new Date().toISOString(),
      })
    : JSON.stringify(event(1));
const path = { batch: "/v1/batch", single: "/v1/track", baseline: "/health" }[job.kind];
const result = await autocannon({
  url: `${job.url}${path}`,
  method: job.kind === "baseline" ? "GET" : "POST",
  headers: {
    "content-type": "application/json",
    authorization: `Basic ${Buffer.from(`${job.key}:`).toString("base64")}`,
  },
  body: job.kind === "baseline" ? undefined : body,
  connections: job.connections,
  duration: job.seconds,
  overallRate: job.rate,
});
process.stdout.write(
  `${JSON.stringify({
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    eventBytes: Buffer.byteLength(JSON.stringify(event(1))),
  })}\n`,
);
