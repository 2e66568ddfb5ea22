import { once } from "node:events";
import type { Submittable } from "./connection.ts";

/** The part of pg's wire connection a COPY needs (the same calls pg-copy-streams makes). */
interface WireConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

/**
 * `COPY ... FROM STDIN` fed from a byte stream, as a pg submittable: pg hands it the connection
 * and forwards the server's messages to its `handle*` methods. The data is sent chunk by chunk,
 * waiting for the socket to drain, so a file of any size loads in bounded memory.
 *
 * @example
 * const copy = client.query(new CopyFrom("COPY t FROM STDIN WITH (FORMAT csv)", createReadStream(file)));
 * const rows = await copy.done;
 */
export class CopyFrom implements Submittable {
  /** Rows the server loaded. */
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (error: unknown) => void;
  private rows = 0;
  private error: unknown;
  private pumping: Promise<void> = Promise.resolve();

  constructor(
    readonly text: string,
    private readonly source: AsyncIterable<Buffer | string>,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: unknown): void {
    (connection as WireConnection).query(this.text);
  }

  handleCopyInResponse(connection: unknown): void {
    this.pumping = this.pump(connection as WireConnection);
  }

  private async pump(connection: WireConnection): Promise<void> {
    try {
      for await (const chunk of this.source) {
        // The server refused the data: it drops whatever else arrives, so stop reading.
        if (this.error) return;
        connection.sendCopyFromChunk(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
        if (connection.stream.writableNeedDrain) {
          await Promise.race([once(connection.stream, "drain"), once(connection.stream, "close")]);
        }
      }
      connection.endCopyFrom();
    } catch (error) {
      // Reading the file failed: abort the COPY; the server answers with an error.
      this.error ??= error;
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    const n = /^COPY (\d+)/.exec(message.text ?? "");
    if (n) this.rows = Number(n[1]);
  }

  handleError(error: unknown): void {
    this.error ??= error;
    const failure = this.error;
    void this.pumping.finally(() => this.reject(failure));
  }

  handleReadyForQuery(): void {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rows);
  }

  // Messages a COPY FROM never receives; pg may call them on any submittable.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}
