import { readFileSync, readlinkSync } from "node:fs";
import { hostname } from "node:os";
import type { Warehouse } from "../warehouse/types.ts";
import { SyncError } from "./errors.ts";
import type { StateTables } from "./state.ts";

export type LockHolder = {
  owner: string;
  host: string | null;
  pid: number | null;
  expires_at: Date | null;
};

/**
 * One lock per sync, a row of `sync_locks` taken with a conditional UPDATE (atomic on every
 * warehouse): free, expired, or held by a process of this machine that no longer exists (a
 * killed run) means it can be taken. The holder renews its lease while it runs; a run that fails
 * to renew stops sending, since another run may have taken over. Taking the lock marks the runs
 * it outlived as `abandoned` in `sync_runs`.
 */
export class SyncLock {
  private timer: NodeJS.Timeout | undefined;
  private lost = false;

  private constructor(
    private readonly wh: Warehouse,
    private readonly t: StateTables,
    private readonly sync: string,
    readonly owner: string,
    private readonly leaseSeconds: number,
    /** The run whose lock this run took over, if any. */
    readonly tookOverFrom: string | undefined,
  ) {}

  /** True once a renewal found the lock in other hands. */
  get isLost(): boolean {
    return this.lost;
  }

  static async acquire(
    wh: Warehouse,
    t: StateTables,
    sync: string,
    owner: string,
    leaseSeconds: number,
  ): Promise<SyncLock> {
    const d = wh.dialect;
    const locks = d.quoteRelation(t.locks);
    try {
      await wh.execute(
        `INSERT INTO ${locks} (sync, owner) SELECT ${d.literal(sync)}, NULL WHERE NOT EXISTS (SELECT 1 FROM ${locks} WHERE sync = ${d.literal(sync)})`,
      );
    } catch {
      // Another run inserted the row at the same moment: the UPDATE below decides.
    }
    const take = async (condition: string) => {
      try {
        const r = await wh.execute(
          `UPDATE ${locks} SET owner = ${d.literal(owner)}, host = ${d.literal(machineId())}, pid = ${process.pid},
             acquired_at = ${d.currentTimestamp()}, expires_at = ${d.dateAdd(d.currentTimestamp(), leaseSeconds, "second")}
           WHERE sync = ${d.literal(sync)} AND (${condition})`,
        );
        return Number(r.rowsAffected ?? 0) === 1;
      } catch {
        // A write conflict (DuckDB's optimistic concurrency): someone else got there first.
        return false;
      }
    };
    const taken = async (from: string | undefined) => {
      await abandonRuns(wh, t, sync, owner);
      return new SyncLock(wh, t, sync, owner, leaseSeconds, from);
    };
    let holder: LockHolder | undefined;
    // Each UPDATE names the holder it read, so that what this run took over is exactly known; when
    // the lock changed hands in between, read it again.
    for (let round = 0; round < 3; round++) {
      [holder] = await wh.query<LockHolder>(
        `SELECT owner, host, pid, expires_at FROM ${locks} WHERE sync = ${d.literal(sync)}`,
      );
      if (!holder?.owner) {
        if (await take("owner IS NULL")) return taken(undefined);
        continue;
      }
      const held = `owner = ${d.literal(holder.owner)}`;
      // Its lease ran out: the holder died (on any machine) or stopped renewing.
      if (await take(`${held} AND expires_at < ${d.currentTimestamp()}`)) return taken(holder.owner);
      if (holder.host === machineId() && holder.pid && !processAlive(Number(holder.pid))) {
        // The holder was killed on this machine: its lease cannot be renewed, take it over now.
        if (await take(held)) return taken(holder.owner);
        continue;
      }
      break;
    }
    throw new SyncError(
      `sync "${sync}" is running elsewhere (run ${holder?.owner ?? "?"} on ${holder?.host ?? "?"} pid ${holder?.pid ?? "?"}, lease until ${holder?.expires_at instanceof Date ? holder.expires_at.toISOString() : "?"}); nothing was sent. Wait for it to finish, or for its lease to expire if it was killed.`,
    );
  }

  /** Renews the lease every third of it until `release`. */
  startRenewing(onLost: () => void): void {
    const d = this.wh.dialect;
    this.timer = setInterval(
      () => {
        this.wh
          .execute(
            `UPDATE ${d.quoteRelation(this.t.locks)} SET expires_at = ${d.dateAdd(d.currentTimestamp(), this.leaseSeconds, "second")}
             WHERE sync = ${d.literal(this.sync)} AND owner = ${d.literal(this.owner)}`,
          )
          .then((r) => {
            if (Number(r.rowsAffected ?? 0) !== 1 && !this.lost) {
              this.lost = true;
              onLost();
            }
          })
          .catch(() => undefined);
      },
      Math.max(1000, (this.leaseSeconds * 1000) / 3),
    );
    this.timer.unref();
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const d = this.wh.dialect;
    await this.wh.execute(
      `UPDATE ${d.quoteRelation(this.t.locks)} SET owner = NULL, host = NULL, pid = NULL, expires_at = NULL
       WHERE sync = ${d.literal(this.sync)} AND owner = ${d.literal(this.owner)}`,
    );
  }
}

/**
 * Once this run holds the lock, no other run of the sync can be sending: any still marked
 * `running` was killed or lost its lease. Marking them all, not only the holder this run took
 * over from, also covers a run killed between taking the lock and recording its predecessor.
 */
async function abandonRuns(wh: Warehouse, t: StateTables, sync: string, owner: string): Promise<void> {
  const d = wh.dialect;
  await wh
    .execute(
      `UPDATE ${d.quoteRelation(t.runs)} SET status = 'abandoned', finished_at = ${d.currentTimestamp()},
         message = ${d.literal(`stopped without finishing (killed, or lost its lock); the lock was taken by run ${owner}`)}
       WHERE sync = ${d.literal(sync)} AND status = 'running' AND run_id <> ${d.literal(owner)}`,
    )
    // History only: a sync is not refused for failing to tidy it.
    .catch(() => undefined);
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Where a process id means something: the host name, and on Linux the boot and the pid namespace.
 * Two containers may share a host name (host networking) while their pids live in different
 * namespaces; checking only the name, each would see the other's live run as dead and take its
 * lock. Another boot of the same machine is also another place: its pids are new.
 */
let cachedMachineId: string | undefined;
export function machineId(): string {
  if (cachedMachineId) return cachedMachineId;
  const parts = [hostname()];
  try {
    parts.push(readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim().slice(0, 8));
    parts.push(readlinkSync("/proc/self/ns/pid").replace(/\D/g, ""));
  } catch {
    // Not Linux: the host name alone.
  }
  cachedMachineId = parts.join("/");
  return cachedMachineId;
}
