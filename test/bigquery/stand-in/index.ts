import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { JobRecord } from "./engine.ts";
import type { ApiName, CallRecord, StandInOptions, StandInSettings } from "./server.ts";

export type { ApiName, CallRecord, JobRecord, StandInOptions, StandInSettings };

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * A local stand-in of the BigQuery REST API, run in its own process like the real service is
 * remote: the memory a test measures is the client's, and the client really talks HTTP to it.
 * Each test file starts one on a free port; `url` is the client's `apiEndpoint` and `keyFile`
 * the credentials it accepts. The methods below arm failures and read what the stand-in saw.
 *
 * @example
 * const standIn = await StandIn.start({ pollsBeforeDone: 1 });
 * await standIn.failNext("rateLimitExceeded", { api: "jobs.insert" });
 * ...
 * await standIn.close();
 */
export class StandIn {
  private next = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly project: string,
    readonly keyFile: string,
  ) {
    child.on("message", (m: { id?: number; value?: unknown; error?: string }) => {
      const call = m.id === undefined ? undefined : this.pending.get(m.id);
      if (!call) return;
      this.pending.delete(m.id!);
      if (m.error !== undefined) call.reject(new Error(m.error));
      else call.resolve(m.value);
    });
  }

  static async start(options: StandInOptions = {}): Promise<StandIn> {
    const child = fork(fileURLToPath(new URL("./process.ts", import.meta.url)), {
      cwd: repoRoot,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, CDP_STANDIN_OPTIONS: JSON.stringify(options) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ready = await new Promise<{ url: string; project: string; keyFile: string }>((resolve, reject) => {
      child.once("message", (m: { ready?: { url: string; project: string; keyFile: string } }) =>
        m.ready ? resolve(m.ready) : reject(new Error("the BigQuery stand-in did not start")),
      );
      child.once("exit", (code) => reject(new Error(`the BigQuery stand-in exited (${code})`)));
    });
    return new StandIn(child, ready.url, ready.project, ready.keyFile);
  }

  private call<T>(method: string, ...args: unknown[]): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, method, args });
    });
  }

  /**
   * The next `times` API calls (of `api`, or any) fail with BigQuery's error for `reason`; with
   * `after`, once they have done their work (a response lost on the way back).
   */
  failNext(
    reason: string,
    options: { api?: ApiName; times?: number; message?: string; after?: boolean } = {},
  ): Promise<void> {
    return this.call("failNext", reason, options);
  }

  /** The next `times` jobs fail with `reason`: at once ("insert") or when polled ("run", default). */
  failNextJob(reason: string, options: { times?: number; message?: string; stage?: "insert" | "run" } = {}) {
    return this.call<void>("failNextJob", reason, options);
  }

  /** Disarms every failure still armed. */
  reset(): Promise<void> {
    return this.call("reset");
  }

  /** Issued access tokens stop working, as when they expire or are revoked. */
  expireTokens(): Promise<void> {
    return this.call("expireTokens");
  }

  /** The token endpoint refuses the key file's credential from now on. */
  rejectCredentials(): Promise<void> {
    return this.call("rejectCredentials");
  }

  configure(settings: StandInSettings): Promise<void> {
    return this.call("configure", settings);
  }

  /** Every job inserted so far, in order. */
  jobs(): Promise<JobRecord[]> {
    return this.call("jobs");
  }

  /** Every API call answered so far, with its HTTP status. */
  calls(): Promise<CallRecord[]> {
    return this.call("calls");
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    void this.call("close");
    await exited;
  }
}
