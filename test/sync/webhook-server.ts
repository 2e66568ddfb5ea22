import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Faults {
  /** Answer 500 to every request whose number is a multiple of this. */
  every5xx?: number;
  /** Answer 429 with Retry-After: 0 to requests whose number modulo 10 is below this. */
  burst429?: number;
  /** Answer 200 with a broken JSON body to every request whose number is a multiple of this. */
  everyMalformed?: number;
  /** Keys rejected row by row, with a reason. */
  reject?: (key: string) => string | undefined;
}

/**
 * A local receiver implementing the webhook contract (connectors/webhook/README.md): it checks
 * the signature, applies rows to an in-memory table, and injects the faults it is told to.
 */
export async function startWebhookServer(secret: string, faults: Faults = {}) {
  const state = new Map<string, Record<string, unknown>>();
  const applied = new Map<string, number>();
  let requests = 0;
  let batches = 0;
  let badSignatures = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const n = ++requests;
      const body = Buffer.concat(chunks).toString("utf8");
      const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
      if (req.headers["x-cdp-signature"] !== expected) {
        badSignatures++;
        res.writeHead(401, { "content-type": "application/json" }).end('{"message":"bad signature"}');
        return;
      }
      if (faults.every5xx && n % faults.every5xx === 0) {
        res.writeHead(503, { "content-type": "application/json" }).end('{"message":"overloaded"}');
        return;
      }
      if (faults.burst429 && n % 10 < faults.burst429) {
        res
          .writeHead(429, { "retry-after": "0", "content-type": "application/json" })
          .end('{"message":"slow down"}');
        return;
      }
      const payload = JSON.parse(body) as {
        rows: { key: string; op: string; fields: Record<string, unknown> }[];
      };
      const results = payload.rows.map((r) => {
        const reason = faults.reject?.(r.key);
        if (reason) return { key: r.key, status: "rejected", reason };
        if (r.op === "delete" || r.op === "remove") state.delete(r.key);
        else state.set(r.key, r.fields);
        applied.set(r.key, (applied.get(r.key) ?? 0) + 1);
        return { key: r.key, status: "ok" };
      });
      if (payload.rows.length) batches++;
      if (faults.everyMalformed && n % faults.everyMalformed === 0) {
        res.writeHead(200, { "content-type": "application/json" }).end('{"results": [');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ results }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    state,
    applied,
    get requests() {
      return requests;
    },
    get batches() {
      return batches;
    },
    get badSignatures() {
      return badSignatures;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
