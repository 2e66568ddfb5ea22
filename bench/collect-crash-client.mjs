// Plain JavaScript, run as its own process by bench/collect.ts (the crash test).
/**
 * `node bench/collect-crash-client.mjs '<json job>'`: sends `events` events in batches of 100
 * from `concurrency` clients that retry every batch until the collector answers 200 (through
 * refused connections, resets and 503s, as Segment's libraries do); appends each acknowledged
 * batch's messageIds to `ackFile` only after its 200, and prints `{"acked": n}` as it goes.
 * job: { port, key, events, concurrency, ackFile }
 */
import { appendFileSync } from "node:fs";
import http from "node:http";

const job = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
const auth = `Basic ${Buffer.from(`${job.key}:`).toString("base64")}`;
const batches = Math.ceil(job.events / 100);
let next = 0;
let acked = 0;
let retries = 0;

function send(body) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: job.port,
        path: "/v1/batch",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", authorization: auth },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
        res.on("error", () => resolve(0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

async function client() {
  while (next < batches) {
    const b = next++;
    const ids = Array.from({ length: Math.min(100, job.events - b * 100) }, (_, i) => `crash-${b}-${i}`);
    const body = JSON.stringify({
      batch: ids.map((id) => ({
        type: "track",
        messageId: id,
        userId: `u${b}`,
        event: "Crash Test",
        properties: { n: id },
      })),
    });
    for (let attempt = 0; ; attempt++) {
      const status = await send(body);
      if (status === 200) break;
      retries++;
      // Refused while the collector restarts: back off a little, capped, and try again.
      await new Promise((r) => setTimeout(r, Math.min(200, 10 * 2 ** attempt)));
    }
    appendFileSync(job.ackFile, `${ids.join("\n")}\n`);
    acked += ids.length;
    process.stdout.write(`${JSON.stringify({ acked })}\n`);
  }
}

await Promise.all(Array.from({ length: job.concurrency }, client));
agent.destroy();
process.stdout.write(`${JSON.stringify({ done: true, acked, retries })}\n`);
