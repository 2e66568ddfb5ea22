import path from "node:path";
import { WarehouseError } from "../errors.ts";
import { describeApplied } from "../identity/match/blocking-budget.ts";
import { runMatch } from "../identity/match/index.ts";
import { runStitch } from "../identity/stitch/index.ts";
import { NO_RULES } from "../identity/stitch/rules.ts";
import type { Compilation } from "../project/compile.ts";
import type { ModelNode, Node, SeedNode, TestNode } from "../project/types.ts";
import { CsvFormatError } from "../warehouse/csv-format.ts";
import type { Warehouse } from "../warehouse/types.ts";
import { runIncremental } from "./materializations/incremental.ts";
import { runSnapshot } from "./materializations/snapshot.ts";
import type { NodeResult } from "./results.ts";
import type { WorkLease } from "./work-lease.ts";

export interface NodeRunContext {
  compilation: Compilation;
  warehouse: Warehouse;
  fullRefresh: boolean;
  /** Rows shown for a failing test. */
  sampleSize?: number;
  /** The run's lease on the work tables it makes (each model takes its own otherwise). */
  lease?: WorkLease;
}

type Outcome = Pick<
  NodeResult,
  "status" | "rowsAffected" | "message" | "failures" | "sample" | "relation" | "stitch"
>;

/** Creates each schema once per run, however many models share it. */
export class SchemaCache {
  private readonly made = new Map<string, Promise<void>>();
  constructor(private readonly wh: Warehouse) {}
  ensure(schema: string): Promise<void> {
    let p = this.made.get(schema);
    if (!p) {
      p = this.wh.ensureSchema(schema);
      this.made.set(schema, p);
    }
    return p;
  }
}

/** "1 round", "2 rounds". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

async function runModel(ctx: NodeRunContext, schemas: SchemaCache, model: ModelNode): Promise<Outcome> {
  const wh = ctx.warehouse;
  const relation = wh.dialect.quoteRelation(model.relation);
  switch (model.config.materialized) {
    case "ephemeral":
      return { status: "success", message: "ephemeral: inlined into the models that ref it" };
    case "view":
      await schemas.ensure(model.relation.schema);
      await wh.createView(model.relation, model.compiledSql);
      return { status: "success", relation, message: "view created" };
    case "table": {
      await schemas.ensure(model.relation.schema);
      const { rows } = await wh.replaceTable(model.relation, model.compiledSql);
      return { status: "success", relation, rowsAffected: rows, message: `table built, ${rows} rows` };
    }
    case "stitch": {
      await schemas.ensure(model.relation.schema);
      const rules = model.config.rules ? ctx.compilation.rulesets[model.config.rules]! : NO_RULES;
      const r = await runStitch(wh, model.relation, model.compiledSql, rules, undefined, ctx.lease, {
        fullRefresh: ctx.fullRefresh,
      });
      const inc = r.incremental;
      return {
        status: "success",
        relation,
        rowsAffected: r.identifiers,
        message: `${r.identifiers} identifiers in ${r.profiles} profiles, ${count(r.rounds, "round")}; ${r.blocked} blocked, ${count(r.hubs, "hub")}, ${count(r.cutEdges, "edge")} cut; ${count(r.merges, "merge")}, ${count(r.splits, "split")}${inc?.mode === "incremental" ? ` (incremental: ${inc.added} rows added, ${inc.removed} removed; ${inc.recomputed} identifiers stitched again)` : inc ? ` (full stitch: ${inc.reason})` : ""}`,
        stitch: r,
      };
    }
    case "match": {
      await schemas.ensure(model.relation.schema);
      const settings = ctx.compilation.matchSettings[model.config.settings!]!;
      const r = await runMatch(wh, model.relation, model.compiledSql, settings, {
        settingsName: model.config.settings!,
        model: model.name,
        targetDir: ctx.compilation.targetDir,
        lease: ctx.lease,
        fullRefresh: ctx.fullRefresh,
      });
      return {
        status: "success",
        relation,
        rowsAffected: r.pairs,
        message: `${r.pairs} pairs at or above ${settings.threshold} of ${r.blockedPairs} compared among ${r.records} records${r.incremental ? ` (incremental: ${r.incremental.changed} new or changed records, ${r.incremental.compared} pairs compared now)` : ""}; parameters ${r.trained ? "trained" : "reused"}${r.blocking.optional ? `; ${describeApplied(r.blocking)}` : ""}`,
      };
    }
    case "snapshot": {
      await schemas.ensure(model.relation.schema);
      const r = await runSnapshot(wh, model, model.compiledSql);
      return { status: "success", relation, rowsAffected: r.rows, message: r.message };
    }
    case "incremental": {
      await schemas.ensure(model.relation.schema);
      const r = await runIncremental(
        wh,
        model,
        (inc) => ctx.compilation.renderForRun(model, inc),
        ctx.fullRefresh,
        ctx.lease,
      );
      return { status: "success", relation, rowsAffected: r.rows, message: r.message };
    }
  }
}

async function runSeed(ctx: NodeRunContext, schemas: SchemaCache, seed: SeedNode): Promise<Outcome> {
  await schemas.ensure(seed.relation.schema);
  const file = path.resolve(ctx.compilation.projectDir, seed.file);
  let rows: number;
  try {
    ({ rows } = await ctx.warehouse.loadCsv(seed.relation, file, {
      columnTypes: seed.columnTypes,
      delimiter: seed.delimiter,
    }));
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    const where = error.line ? `${seed.file}:${error.line}` : seed.file;
    throw new WarehouseError(
      `${where}: ${error.problem}; seed "${seed.name}" was not loaded and its previous table is kept`,
      undefined,
      { cause: error },
    );
  }
  return {
    status: "success",
    relation: ctx.warehouse.dialect.quoteRelation(seed.relation),
    rowsAffected: rows,
    message: `${rows} rows loaded`,
  };
}

async function runTest(ctx: NodeRunContext, test: TestNode): Promise<Outcome> {
  const wh = ctx.warehouse;
  const counted = await wh.query<{ failures: number | bigint }>(
    `SELECT COUNT(*) AS failures FROM (\n${test.compiledSql}\n) AS cdp_test`,
  );
  const failures = Number(counted[0]?.failures ?? 0);
  if (failures === 0) return { status: "pass", failures: 0 };
  const sample = await wh.query(
    `SELECT * FROM (\n${test.compiledSql}\n) AS cdp_test LIMIT ${ctx.sampleSize ?? 5}`,
  );
  return {
    status: test.severity === "warn" ? "warn" : "fail",
    failures,
    sample: sample.map(jsonSafe),
    message: `${failures} failing row${failures === 1 ? "" : "s"}`,
  };
}

/** A row JSON can carry: bigints as text, dates as ISO strings. */
export function jsonSafe(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

function kindOf(node: Node): string {
  if (node.resourceType === "model") return node.config.materialized;
  return node.resourceType;
}

/** Runs one node and turns any error into an `error` result: the executor never sees a throw. */
export async function runNode(base: NodeRunContext, schemas: SchemaCache, node: Node): Promise<NodeResult> {
  const started = new Date();
  const t0 = performance.now();
  // Where the warehouse labels its work (BigQuery jobs), each node's work carries its name.
  const ctx = { ...base, warehouse: base.warehouse.withLabels?.({ cdp_model: node.name }) ?? base.warehouse };
  let outcome: Outcome;
  try {
    if (node.resourceType === "model") outcome = await runModel(ctx, schemas, node);
    else if (node.resourceType === "seed") outcome = await runSeed(ctx, schemas, node);
    else outcome = await runTest(ctx, node);
  } catch (error) {
    outcome = { status: "error", message: (error as Error).message };
  }
  return {
    id: node.id,
    name: node.name,
    resourceType: node.resourceType,
    kind: kindOf(node),
    file: node.file,
    startedAt: started.toISOString(),
    completedAt: new Date().toISOString(),
    executionTime: Math.round(performance.now() - t0) / 1000,
    ...outcome,
  };
}
