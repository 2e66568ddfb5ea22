import { fork } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

/** What the receiver saw: accepted requests with rows (arrival ms), 429s, and the rows it holds. */
export interface ReceiverReport {
  accepted: number[];
  throttled: number;
  state: [string, unknown][];
}

/**
 * A webhook receiver (connectors/webhook/README.md) that enforces a rate the way strict APIs
 * document it: at most `perSecond` requests in any sliding second. A request over the limit is
 * answered 429 with `Retry-After` (whole seconds, as HTTP defines it, rounded up) and nothing of
 * it is applied. Accepted batches are applied to an in-memory table and acknowledged with an
 * empty 2xx body, at once.
 */
async function serve(perSecond: number) {
  const state = new Map<string, unknown>();
  const accepted: number[] = [];
  /** Arrival times of the accepted requests (rows or not) of the last second. */
  const window: number[] = [];
  let throttled = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const now = performance.now();
      while (window.length && window[0]! <= now - 1000) window.shift();
      if (window.length >= perSecond) {
        throttled++;
        const wait = Math.max(1, Math.ceil((window[0]! + 1000 - now) / 1000));
        res
          .writeHead(429, { "content-type": "application/json", "retry-after": String(wait) })
          .end('{"message":"rate limit exceeded"}');
        return;
      }
      window.push(now);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        rows: { key: string; op: string; fields: unknown }[];
      };
      for (const r of body.rows) {
        if (r.op === "delete" || r.op === "remove") state.delete(r.key);
        else state.set(r.key, r.fields);
      }
      if (body.rows.length) accepted.push(now);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    report: (): ReceiverReport => ({ accepted, throttled, state: [...state] }),
  };
}

/**
 * Starts the receiver in a process of its own, as a real API is: arrival times are then not
 * skewed by the sender's event loop, which shares nothing with it but the network.
 */
export async function startRateLimitedReceiver(perSecond: number) {
  const child = fork(fileURLToPath(import.meta.url), [String(perSecond)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      child.once("message", resolve);
      child.once("exit", (code) => reject(new Error(`the receiver exited (${code})`)));
    });
  const { url } = (await next()) as { url: string };
  return {
    url,
    async report(): Promise<ReceiverReport> {
      const answer = next();
      child.send("report");
      return (await answer) as ReceiverReport;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const receiver = await serve(Number(process.argv[2]));
  process.on("message", () => process.send!(receiver.report()));
  process.send({ url: receiver.url });
}
