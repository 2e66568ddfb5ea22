import type { WorkLease } from "../../run/work-lease.ts";
import type { Relation, Warehouse } from "../../warehouse/types.ts";
import { StitchError } from "./components.ts";
import { findChanges } from "./incremental-changes.ts";
import { clustersSql } from "./incremental-clusters.ts";
import { spliceResult } from "./incremental-splice.ts";
import {
  clearState,
  endSql,
  incrementalTables,
  normalisedRowsSql,
  rawEndSql,
  rawRowsSql,
  readState,
  rulesFingerprint,
  type SavedState,
  STATE_COLUMNS,
  writeState,
} from "./incremental-state.ts";
import { touchedSet } from "./incremental-touched.ts";
import type { StitchResult, StitchTables } from "./index.ts";
import { stitchTables } from "./index.ts";
import type { Ruleset } from "./rules.ts";

/**
 * The incremental stitch (`incremental: true` in the ruleset). New and removed edges are found by
 * comparing the model's rows with the rows the last run read (`<model>__edges`), not by a
 * watermark: a watermark on `seen_at` misses removed rows, rows that arrive late with an old
 * timestamp, and rows rewritten in place, and each of those can move a profile. Then only the
 * clusters the changes touch are stitched again (see `touchedSet`), by the full stitch itself on
 * their rows, and spliced into the output and side tables: the result, ids, merges and cuts
 * included, is what a full stitch of the same rows gives (a property test holds it to that).
 *
 * A run is full (and says why) when there is no state from an earlier incremental run, on
 * `--full-refresh`, when the ruleset changed, or when the changes reach so much of the graph
 * that recomputing all of it is as cheap.
 */
export interface IncrementalRun {
  mode: "full" | "incremental";
  /** Why the run was full. */
  reason?: string;
  /** Rows of the model added and removed since the last run (incremental runs). */
  added: number;
  removed: number;
  /** Identifiers stitched again (incremental runs). */
  recomputed: number;
}

/** The full stitch, writing to the given tables (index.ts). */
export type StitchFn = (
  wh: Warehouse,
  output: Relation,
  edgesSql: string,
  rules: Ruleset,
  runId: string,
  lease: WorkLease,
  tables?: StitchTables,
) => Promise<StitchResult>;

export interface IncrementalContext {
  wh: Warehouse;
  output: Relation;
  edgesSql: string;
  rules: Ruleset;
  runId: string;
  lease: WorkLease;
  fullRefresh?: boolean;
}

/** Beyond this many changed rows per identifier of the last run, a full run is cheaper than the splice. */
const MAX_CHANGED_ROWS = 0.2;
/** Beyond this share of the identifiers touched, likewise. */
const MAX_TOUCHED = 0.5;

const REQUIRED = ["a_type", "a_value", "b_type", "b_value"];

export async function incrementalStitch(ctx: IncrementalContext, stitch: StitchFn): Promise<StitchResult> {
  // Work tables where the warehouse keeps them cheapest (DuckDB: in memory, not written to the
  // file, whose checkpoints would then rewrite them), views next to the output.
  const space = ctx.wh.workSpace ? await ctx.wh.workSpace() : undefined;
  const { wh, output, lease } = ctx;
  const made: Relation[] = [];
  const work = (name: string, kind?: "view"): Relation => {
    const r = lease.name(
      kind === "view" || !space ? output : { ...output, ...space },
      "stitch",
      `inc_${name}`,
    );
    if (!made.some((m) => m.name === r.name && m.database === r.database)) made.push(r);
    return r;
  };
  try {
    const input = work("input", "view");
    await wh.createView(input, `SELECT * FROM (\n${ctx.edgesSql}\n) AS edges`);
    const columns = new Set((await wh.describe(input))!.columns.map((c) => c.name));
    const missing = REQUIRED.filter((c) => !columns.has(c));
    if (missing.length) {
      throw new StitchError(
        `a stitch model must select ${REQUIRED.join(", ")}[, seen_at, source]; missing: ${missing.join(", ")}`,
      );
    }
    const saved = await readState(wh, output);
    const fingerprint = rulesFingerprint(ctx.rules);
    let reason = ctx.fullRefresh
      ? "--full-refresh"
      : !saved
        ? "no state from an earlier incremental run"
        : saved.rules !== fingerprint
          ? "the ruleset changed since the last run"
          : undefined;
    if (!reason && saved) {
      const done = await incrementalRun(ctx, stitch, { input, columns, saved, fingerprint, work });
      if (typeof done !== "string") return done;
      reason = done;
    }
    return await fullRun(ctx, stitch, { input, columns, fingerprint, reason: reason!, work });
  } finally {
    for (const r of made) await wh.dropRelation(r).catch(() => undefined);
  }
}

interface RunParts {
  input: Relation;
  columns: Set<string>;
  fingerprint: string;
  work: (name: string) => Relation;
}

/** The model's rows as the stitch reads them, from `<model>__edges` (weight only if the model has it). */
function fromEdgesSql(wh: Warehouse, edges: Relation, columns: Set<string>, where = ""): string {
  return `SELECT a_type, ${rawEndSql("a")} AS a_value, b_type, ${rawEndSql("b")} AS b_value, seen_at, source${columns.has("weight") ? ", weight" : ""}
    FROM ${wh.dialect.quoteRelation(edges)} AS s ${where}`;
}

async function fullRun(
  ctx: IncrementalContext,
  stitch: StitchFn,
  p: RunParts & { reason: string },
): Promise<StitchResult> {
  const { wh, output } = ctx;
  const d = wh.dialect;
  const inc = incrementalTables(output);
  await clearState(wh, output);
  // The raw values are NULL where normalising left them as they were: only the values are told
  // apart (FSST on a column of NULLs writes it uncompressed).
  await wh.replaceTable(inc.edges, normalisedRowsSql(d, ctx.rules, rawRowsSql(d, p.input, p.columns)), {
    distinctText: ["a_value", "b_value"],
  });
  const result = await stitch(
    wh,
    output,
    fromEdgesSql(wh, inc.edges, p.columns),
    ctx.rules,
    ctx.runId,
    ctx.lease,
  );
  await wh.replaceTable(inc.clusters, await clustersSql(wh, inc.edges, output, p.work, ctx.rules.maxRounds));
  await writeState(wh, output, {
    rules: p.fingerprint,
    runId: ctx.runId,
    identifiers: result.identifiers,
    profiles: result.profiles,
  });
  return { ...result, incremental: { mode: "full", reason: p.reason, added: 0, removed: 0, recomputed: 0 } };
}

/** The incremental path; a string is why it could not be taken (the run is then full). */
async function incrementalRun(
  ctx: IncrementalContext,
  stitch: StitchFn,
  p: RunParts & { saved: SavedState },
): Promise<StitchResult | string> {
  const { wh, output, rules } = ctx;
  const d = wh.dialect;
  const q = (r: Relation) => d.quoteRelation(r);
  const { work } = p;
  const inc = incrementalTables(output);

  // 1. What changed: rows of the model the last run did not read, and rows it read that are gone.
  const { added, removed, addedRows, removedRows } = await findChanges(wh, {
    input: p.input,
    columns: p.columns,
    edges: inc.edges,
    rules,
    work,
  });
  const total = p.saved.identifiers;
  if (addedRows + removedRows > MAX_CHANGED_ROWS * Math.max(total, 1)) {
    return `${addedRows} rows added and ${removedRows} removed, for ${total} identifiers: a full stitch is as cheap`;
  }

  // From here on the tables change: without state, a run that stops now is followed by a full one.
  await clearState(wh, output);
  await wh.execute(`DELETE FROM ${q(inc.edges)} WHERE row_hash IN (SELECT row_hash FROM ${q(removed)})`);
  await wh.execute(`INSERT INTO ${q(inc.edges)} (${STATE_COLUMNS}) SELECT ${STATE_COLUMNS} FROM ${q(added)}`);

  // 2. The identifiers to stitch again, closed so the rest of the output stays what it was.
  const touched = await touchedSet(wh, { output, rules, edges: inc.edges, added, removed, work });
  if (touched.identifiers > MAX_TOUCHED * Math.max(p.saved.identifiers, 1)) {
    return `the changes touch ${touched.identifiers} of ${p.saved.identifiers} identifiers: a full stitch is as cheap`;
  }

  // 3. The full stitch on the rows of the touched clusters, into work tables. Hubs are decided
  // above from every row (a hub's degree counts links outside these rows): their ends are left out
  // here, an end linked only to a hub staying as a lone identifier, as the full stitch leaves it.
  const sub: StitchTables = {
    output: work("out"),
    profiles: work("registry"),
    merges: work("merges"),
    cuts: work("cuts"),
    links: work("links"),
  };
  const real = stitchTables(output);
  await wh.replaceTable(
    sub.output,
    `SELECT identifier_type, identifier, profile_id FROM ${q(touched.previous)}`,
  );
  await wh.replaceTable(
    sub.profiles,
    `SELECT p.* FROM ${q(real.profiles)} AS p WHERE EXISTS (SELECT 1 FROM ${q(touched.profiles)} AS t WHERE t.t_profile = p.profile_id)`,
  );
  // Without a hub rule there are no hubs to flag: the rows are read as they are.
  const hubs = touched.hubs;
  const flagged = hubs ? work("rows_hubs") : touched.rows;
  if (hubs) {
    const hub = (e: "a" | "b") =>
      `EXISTS (SELECT 1 FROM ${q(hubs)} AS h WHERE h.h_type = s.${e}_type AND h.h_value = s.${e}_value)`;
    await wh.replaceTable(
      flagged,
      `SELECT s.*, CASE WHEN ${endSql("a")} AND ${hub("a")} THEN 1 ELSE 0 END AS a_hub,
         CASE WHEN ${endSql("b")} AND ${hub("b")} THEN 1 ELSE 0 END AS b_hub
       FROM ${q(touched.rows)} AS s`,
    );
  }
  const col = (e: "a" | "b", c: "type" | "raw") => (c === "raw" ? rawEndSql(e) : `s.${e}_type`);
  const pick = (c: "type" | "raw") =>
    `CASE WHEN s.a_hub = 1 THEN ${col("b", c)} ELSE ${col("a", c)} END AS a_${c === "raw" ? "value" : c},
     CASE WHEN s.a_hub = 1 OR s.b_hub = 1 THEN NULL ELSE ${col("b", c)} END AS b_${c === "raw" ? "value" : c}`;
  const weight = p.columns.has("weight") ? ", s.weight" : "";
  const subSql = hubs
    ? `SELECT ${pick("type")}, ${pick("raw")}, s.seen_at, s.source${weight}
       FROM ${q(flagged)} AS s
       WHERE NOT (s.a_hub = 1 AND s.b_hub = 1) AND NOT ((s.a_hub = 1 OR s.b_hub = 1) AND COALESCE(s.weight, 0) < 0)`
    : `SELECT s.a_type, ${rawEndSql("a")} AS a_value, s.b_type, ${rawEndSql("b")} AS b_value, s.seen_at, s.source${weight} FROM ${q(flagged)} AS s`;
  const part = await stitch(
    wh,
    output,
    subSql,
    { ...rules, maxDegree: undefined },
    ctx.runId,
    ctx.lease,
    sub,
  );

  // 4. Spliced in, the state written last.
  const spliced = await spliceResult(wh, {
    output,
    sub,
    touched,
    columns: p.columns,
    rules,
    runId: ctx.runId,
    work,
  });
  const identifiers = p.saved.identifiers - touched.previousRows + part.identifiers;
  const profiles = p.saved.profiles - touched.previousProfiles + part.profiles;
  await writeState(wh, output, { rules: p.fingerprint, runId: ctx.runId, identifiers, profiles });
  return {
    ...part,
    identifiers,
    profiles,
    blocked: spliced.blocked,
    hubs: spliced.hubs,
    incremental: {
      mode: "incremental",
      added: addedRows,
      removed: removedRows,
      recomputed: part.identifiers,
    },
  };
}
