import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One row as a webhook receiver saw it. */
export interface ReceivedRow {
  key: string;
  op: string;
  fields: Record<string, unknown>;
}

/**
 * A plain local receiver: takes every webhook batch (connectors/webhook/README.md) with a 200 and
 * keeps each row, and every other JSON body POSTed to it (notifications), in arrival order.
 */
export async function startReceiver(options: { status?: number } = {}) {
  const rows: ReceivedRow[] = [];
  const bodies: { path: string; body: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => {
      text += c;
    });
    req.on("end", () => {
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      bodies.push({ path: req.url ?? "/", body });
      if (Array.isArray(body.rows)) rows.push(...(body.rows as ReceivedRow[]));
      res.writeHead(options.status ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    rows,
    bodies,
    /** Rows received since the last call, by operation: `{ add: ["1"], remove: ["4"] }`. */
    take(): Record<string, string[]> {
      const out: Record<string, string[]> = {};
      for (const r of rows.splice(0)) out[r.op] = [...(out[r.op] ?? []), r.key];
      for (const keys of Object.values(out)) keys.sort();
      return out;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
