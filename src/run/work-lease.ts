import { randomBytes } from "node:crypto";
import { machineId } from "../sync/lock.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";

/**
 * How long a lease holds without renewal. Work tables of a run on another machine are judged
 * abandoned only after this: a run cannot renew while every pooled connection is busy with a long
 * statement, and dropping a live run's work table would fail it, while an orphan only costs disk
 * until a later run. On the machine that made them, a dead process is seen at once (its pid).
 */
export const WORK_LEASE_SECONDS = 6 * 60 * 60;
/** Renewed every tenth of the lease: nine renewals may be missed before the lease runs out. */
const RENEW_MS = (WORK_LEASE_SECONDS * 1000) / 10;

/** The table, next to the work tables of a schema, that says which run owns them. */
export const LEASE_TABLE = "cdp_work_leases";
/** `<name>__cdp_<kind>_<token>_<suffix>`: a work table's name, with its owner's token. */
export const WORK_NAME = /__cdp_([a-z]+)_([0-9a-f]{12})_[0-9a-z_]+$/;

/** Tokens of the leases held by this process: a lease with this pid but another token is dead. */
export const liveTokens = new Set<string>();

/**
 * The work tables of one run (incremental stages, stitch and match work tables) carry its token
 * in their names, and before the first is made the run records the token, this machine, its pid
 * and a lease in `cdp_work_leases` of that schema. A later run, or `cdp clean --orphans`, drops
 * work tables whose owner is gone (see `orphans.ts`); a run killed with SIGKILL leaves nothing
 * for long. Recording before creating is what makes it safe: a cleaner that sees a work table
 * also sees its lease.
 *
 * @example
 * const lease = new WorkLease(wh);
 * const stage = await lease.table(model.relation, "stage", "rows");
 * try { ... } finally { await wh.dropRelation(stage); await lease.release(); }
 */
export class WorkLease {
  readonly token = randomBytes(6).toString("hex");
  private readonly schemas = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly wh: Warehouse) {
    liveTokens.add(this.token);
  }

  /** A work-table name next to `near`, owned by this lease (recorded in its schema first). */
  async table(near: Relation, kind: string, suffix: string): Promise<Relation> {
    await this.register(near.schema);
    return this.name(near, kind, suffix);
  }

  /** The name `table` gives; only for a schema already registered. */
  name(near: Relation, kind: string, suffix: string): Relation {
    return { ...near, name: `${near.name}__cdp_${kind}_${this.token}_${suffix}` };
  }

  /** Records the lease in `schema`, once: before any work table is made there. */
  register(schema: string): Promise<void> {
    let done = this.schemas.get(schema);
    if (!done) {
      done = this.insert(schema);
      this.schemas.set(schema, done);
      done.catch(() => this.schemas.delete(schema));
    }
    return done;
  }

  private async insert(schema: string): Promise<void> {
    const { wh } = this;
    const d = wh.dialect;
    const leases = { schema, name: LEASE_TABLE };
    await wh.ensureSchema(schema);
    try {
      await wh.execute(
        `CREATE TABLE IF NOT EXISTS ${d.quoteRelation(leases)} (token ${d.typeName("string")}, host ${d.typeName("string")},
           pid ${d.typeName("int64")}, started_at ${d.typeName("timestamp")}, expires_at ${d.typeName("timestamp")})`,
      );
    } catch (error) {
      // Two runs creating it at the same moment (PostgreSQL's catalog race): one of them wins.
      if (!(await wh.describe(leases))) throw error;
    }
    await wh.execute(
      `INSERT INTO ${d.quoteRelation(leases)} (token, host, pid, started_at, expires_at)
       VALUES (${d.literal(this.token)}, ${d.literal(machineId())}, ${process.pid}, ${d.currentTimestamp()},
         ${d.dateAdd(d.currentTimestamp(), WORK_LEASE_SECONDS, "second")})`,
    );
    if (!this.timer) {
      this.timer = setInterval(() => void this.renew().catch(() => undefined), RENEW_MS);
      this.timer.unref();
    }
  }

  private async renew(): Promise<void> {
    const d = this.wh.dialect;
    for (const schema of this.schemas.keys()) {
      await this.wh.execute(
        `UPDATE ${d.quoteRelation({ schema, name: LEASE_TABLE })}
         SET expires_at = ${d.dateAdd(d.currentTimestamp(), WORK_LEASE_SECONDS, "second")}
         WHERE token = ${d.literal(this.token)}`,
      );
    }
  }

  /** Ends the lease: call once the run's work tables are dropped. */
  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const d = this.wh.dialect;
    for (const [schema, registered] of this.schemas) {
      const ok = await registered.then(
        () => true,
        () => false,
      );
      if (!ok) continue;
      await this.wh
        .execute(
          `DELETE FROM ${d.quoteRelation({ schema, name: LEASE_TABLE })} WHERE token = ${d.literal(this.token)}`,
        )
        // A lease left behind is harmless: its pid is gone or it expires, and a cleaner removes it.
        .catch(() => undefined);
    }
    this.schemas.clear();
    liveTokens.delete(this.token);
  }
}

/** `withLease`, the lease recorded in `schema` before `fn` makes work tables there. */
export function withLeaseIn<T>(
  wh: Warehouse,
  lease: WorkLease | undefined,
  schema: string,
  fn: (lease: WorkLease) => Promise<T>,
): Promise<T> {
  return withLease(wh, lease, async (own) => {
    await own.register(schema);
    return fn(own);
  });
}

/** Runs `fn` with `lease`, or with a lease of its own released at the end. */
export async function withLease<T>(
  wh: Warehouse,
  lease: WorkLease | undefined,
  fn: (lease: WorkLease) => Promise<T>,
): Promise<T> {
  if (lease) return fn(lease);
  const own = new WorkLease(wh);
  try {
    return await fn(own);
  } finally {
    await own.release();
  }
}
