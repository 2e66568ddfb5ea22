/**
 * A minimal pool for dialects whose driver has no pool of its own (DuckDB): at most `size`
 * resources exist, callers wait in order for a free one.
 */
export class Pool<T> {
  private readonly idle: T[] = [];
  private readonly waiting: ((resource: T) => void)[] = [];
  private created = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly create: () => Promise<T>,
    private readonly destroy: (resource: T) => void | Promise<void>,
  ) {}

  async use<R>(fn: (resource: T) => Promise<R>): Promise<R> {
    const resource = await this.acquire();
    try {
      return await fn(resource);
    } finally {
      this.release(resource);
    }
  }

  async acquire(): Promise<T> {
    if (this.closed) throw new Error("the connection pool is closed");
    const free = this.idle.pop();
    if (free !== undefined) return free;
    if (this.created < this.size) {
      this.created++;
      try {
        return await this.create();
      } catch (error) {
        this.created--;
        throw error;
      }
    }
    return new Promise<T>((resolve) => this.waiting.push(resolve));
  }

  release(resource: T): void {
    const next = this.waiting.shift();
    if (next) next(resource);
    else this.idle.push(resource);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = this.idle.splice(0);
    for (const resource of all) await this.destroy(resource);
  }
}
