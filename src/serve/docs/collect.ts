import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LoadedConfig } from "../../config/load.ts";
import { identityReport } from "../../identity/stitch/report.ts";
import type { Compilation } from "../../project/compile.ts";
import type { ModelNode, Node } from "../../project/types.ts";
import { readHistory } from "../../sync/history.ts";
import { stateTables } from "../../sync/state.ts";
import type { Warehouse } from "../../warehouse/types.ts";
import { layOut } from "./layout.ts";
import type { DocNode, DocsData, IdentityDoc, LastRun, SyncDoc } from "./types.ts";

/** The first `{{!-- ... --}}` comment of a model: its description, as the demo writes them. */
export function descriptionOf(raw: string): string | undefined {
  const m = /\{\{!--([\s\S]*?)--\}\}/.exec(raw) ?? /\{\{!([^-][\s\S]*?)\}\}/.exec(raw);
  return m ? m[1]!.replace(/^\s*\n|\s+$/g, "").replace(/^[ \t]+/gm, "") : undefined;
}

interface RunResult {
  unique_id: string;
  status: string;
  timing?: { completed_at?: string };
  execution_time?: number;
  rows_affected?: number | null;
  failures?: number | null;
  message?: string;
}

function lastRuns(targetDir: string): Map<string, LastRun> {
  const file = path.join(targetDir, "run_results.json");
  const out = new Map<string, LastRun>();
  if (!existsSync(file)) return out;
  try {
    const doc = JSON.parse(readFileSync(file, "utf8")) as { results?: RunResult[] };
    for (const r of doc.results ?? []) {
      out.set(r.unique_id, {
        status: r.status,
        finishedAt: r.timing?.completed_at,
        seconds: r.execution_time,
        rows: r.rows_affected ?? null,
        failures: r.failures ?? null,
        message: r.message,
      });
    }
  } catch {
    // A run_results.json being rewritten or from another version: the site shows no last run.
  }
  return out;
}

export interface CollectOptions {
  loaded: LoadedConfig;
  compilation: Compilation;
  /** Read columns, identity reports and sync history from here; without it, the project alone. */
  warehouse?: Warehouse;
  live?: boolean;
}

/** Everything the docs site shows, from the compiled project, target/ and (when given) the warehouse. */
export async function collectDocs(options: CollectOptions): Promise<DocsData> {
  const { loaded, compilation, warehouse: wh } = options;
  const runs = lastRuns(compilation.targetDir);
  const all = [...compilation.order.map((id) => compilation.nodes.get(id)!)];
  const testsOf = new Map<string, string[]>();
  for (const n of all) {
    if (n.resourceType !== "test") continue;
    const owner = n.attachedTo ?? n.dependsOn[0];
    if (owner) testsOf.set(owner, [...(testsOf.get(owner) ?? []), n.id]);
  }
  const sources = new Map<string, Omit<DocNode, "x" | "y">>();
  for (const n of all) {
    if (n.resourceType !== "model") continue;
    for (const s of n.sources) {
      const id = `source.${s.source}.${s.table}`;
      if (!sources.has(id)) {
        const cfg = loaded.config.sources[s.source];
        sources.set(id, {
          id,
          name: `${s.source}.${s.table}`,
          kind: "source",
          dependsOn: [],
          description: cfg?.description,
          relation: cfg ? `${cfg.schema}.${s.table}` : undefined,
        });
      }
    }
  }
  const docNodes: Omit<DocNode, "x" | "y">[] = [...sources.values()];
  for (const n of all) docNodes.push(await nodeDoc(n, runs, testsOf, wh));
  const syncs: SyncDoc[] = [];
  for (const [name, s] of Object.entries(loaded.config.syncs)) {
    docNodes.push({
      id: `sync.${name}`,
      name,
      kind: "sync",
      dependsOn: [`model.${s.model}`],
      description: `${s.mode} to ${s.destination.type}`,
    });
    syncs.push(await syncDoc(name, s, wh));
  }
  const identity: IdentityDoc[] = [];
  if (wh) {
    for (const n of all) {
      if (
        n.resourceType === "model" &&
        n.config.materialized === "stitch" &&
        (await wh.describe(n.relation))
      ) {
        identity.push(await identityReport(wh, n.relation, n.name));
      }
    }
  }
  return {
    project: loaded.config.name,
    target: loaded.targetName,
    generatedAt: new Date().toISOString(),
    live: !!options.live,
    nodes: layOut(docNodes),
    identity,
    syncs,
  };
}

async function nodeDoc(
  n: Node,
  runs: Map<string, LastRun>,
  testsOf: Map<string, string[]>,
  wh: Warehouse | undefined,
): Promise<Omit<DocNode, "x" | "y">> {
  const base = {
    id: n.id,
    name: n.name,
    kind: n.resourceType,
    dependsOn: n.dependsOn,
    file: n.file,
    tags: n.tags,
    lastRun: runs.get(n.id),
  };
  if (n.resourceType === "test") return { ...base, compiled: n.compiledSql };
  const relation = wh?.dialect.quoteRelation(n.relation) ?? `${n.relation.schema}.${n.relation.name}`;
  const info =
    wh && !(n.resourceType === "model" && n.config.materialized === "ephemeral")
      ? await wh.describe(n.relation)
      : undefined;
  const columns = info?.columns.map((c) => ({ name: c.name, type: String(c.type) }));
  if (n.resourceType === "seed") return { ...base, relation, columns, tests: testsOf.get(n.id) };
  const m = n as ModelNode;
  return {
    ...base,
    materialized: m.config.materialized,
    description: descriptionOf(m.raw),
    raw: m.raw,
    compiled: m.compiledSql,
    relation,
    columns,
    tests: testsOf.get(n.id),
  };
}

async function syncDoc(
  name: string,
  s: LoadedConfig["config"]["syncs"][string],
  wh: Warehouse | undefined,
): Promise<SyncDoc> {
  const doc: SyncDoc = {
    name,
    model: s.model,
    destination: s.destination.type,
    mode: s.mode,
    enabled: s.enabled !== false,
    targets: s.targets,
    runs: [],
    rejected: [],
  };
  if (!wh) return doc;
  const t = stateTables(s.stateSchema, name);
  doc.runs = (await readHistory(wh, t.runs, { sync: name, limit: 20 })).map((r) => ({
    run_id: r.run_id,
    status: r.status,
    started_at: r.started_at,
    duration: r.duration,
    added: r.added,
    changed: r.changed,
    removed: r.removed,
    delivered: r.delivered,
    rejected: r.rejected,
    failed: r.failed,
    message: r.message,
  }));
  if (await wh.describe(t.errors)) {
    const d = wh.dialect;
    const rows = await wh.query(
      `SELECT ${["key", "operation", "error", "attempts", "last_seen"].map((c) => d.quoteIdentifier(c)).join(", ")} FROM ${d.quoteRelation(t.errors)} ORDER BY ${d.quoteIdentifier("last_seen")} DESC LIMIT 100`,
    );
    doc.rejected = rows.map((r) => ({
      key: String(r.key),
      operation: String(r.operation),
      error: String(r.error),
      attempts: Number(r.attempts ?? 0),
      last_seen:
        r.last_seen instanceof Date
          ? r.last_seen.toISOString()
          : r.last_seen == null
            ? null
            : String(r.last_seen),
    }));
  }
  return doc;
}
