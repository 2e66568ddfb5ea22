import { literal } from "../standard-sql.ts";

/**
 * DuckDB's memory limit while syncs run, unless the target sets one. A sync needs little of it:
 * its plan is one join of the model with the snapshot, and it reads and writes small pages. The
 * default limit (80% of the machine's memory) let a 1M-row plan keep ~400 MB of buffers in the
 * process, next to the rows being sent; under this limit DuckDB spills to its temporary
 * directory instead, and the plan takes a little longer (see the README's benchmarks).
 */
export const SYNC_MEMORY_LIMIT = "64MB";

const MEMORY_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** A DuckDB memory size ("64MB", "1.5 GiB") in bytes; undefined when it is not one. */
export function memoryBytes(size: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(size);
  const unit = MEMORY_UNITS[(m?.[2] || "b").toLowerCase()];
  return m && unit ? Number(m[1]) * unit : undefined;
}

/** How the holds reach the database. */
interface Session {
  execute(sql: string): Promise<unknown>;
  query<T extends Record<string, unknown>>(sql: string): Promise<T[]>;
}

/**
 * DuckDB's `memory_limit` under `constrainMemory` holds: the latest hold's share of the sync
 * limit while any is active, the target's own limit once the last is released; and back to the
 * target's limit, until the last release, when work ran out of memory under the sync limit.
 */
export class MemoryHolds {
  /** Active holds, in order: the latest one's share of the limit applies. */
  private readonly holds: { share: number }[] = [];
  /**
   * The statement putting the target's own limit back. `RESET memory_limit` would not do: DuckDB
   * 1.5 resets the setting's value but leaves its buffer pool at the lower limit.
   */
  private restore: string | undefined;
  /** Work under the sync limit ran out of memory: the target's limit is back until the release. */
  private relaxed = false;

  constructor(
    /** The sync limit; none: holds change nothing. */
    private readonly limit: string | undefined,
    private readonly session: Session,
  ) {}

  async constrain(share = 1): Promise<() => Promise<void>> {
    if (!this.limit) return async () => {};
    if (!this.holds.length) {
      this.relaxed = false;
      if (!this.restore) {
        const [row] = await this.session.query<{ v: string }>("SELECT current_setting('memory_limit') AS v");
        this.restore = `SET memory_limit = ${literal(row!.v)}`;
      }
    }
    const hold = { share };
    this.holds.push(hold);
    await this.apply();
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.holds.splice(this.holds.indexOf(hold), 1);
      await this.apply();
    };
  }

  /**
   * True (with the target's own limit put back) when `error` is work running out of memory under
   * the sync limit: the limit is a target, not a reason to fail, so the caller runs it again.
   */
  async relaxAfter(error: unknown): Promise<boolean> {
    if (!this.holds.length || this.relaxed || !/Out of Memory|failed to pin block/i.test(String(error))) {
      return false;
    }
    this.relaxed = true;
    await this.session.execute(this.restore!);
    return true;
  }

  /** DuckDB's limit for the latest hold: its share of the sync limit; the target's own with none. */
  private async apply(): Promise<void> {
    if (this.relaxed) {
      if (!this.holds.length) this.relaxed = false;
      return;
    }
    const hold = this.holds.at(-1);
    if (!hold) return void (await this.session.execute(this.restore!));
    const limit = this.limit!;
    const bytes = memoryBytes(limit);
    const value =
      hold.share === 1 || bytes === undefined
        ? limit
        : `${Math.max(1, Math.floor((bytes * hold.share) / 1024))}KiB`;
    await this.session.execute(`SET memory_limit = ${literal(value)}`);
  }
}
