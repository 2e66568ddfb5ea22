import type { LoadedConfig } from "../config/load.ts";
import type { Compilation } from "./compile.ts";

/**
 * The manifest's `syncs` (the graph's exits, as dbt's exposures: each names the model it reads)
 * and `sources` (each table `{{source}}` can name, with the models reading it). Only what a tool
 * needs to draw lineage: a destination's type, never its settings (they hold credentials).
 */
export function manifestExits(loaded: LoadedConfig, compilation: Compilation) {
  const syncs: Record<string, unknown> = {};
  for (const [name, sync] of Object.entries(loaded.config.syncs)) {
    const model = [...compilation.nodes.values()].find(
      (n) => n.resourceType === "model" && n.name === sync.model,
    );
    syncs[`sync.${name}`] = {
      name,
      resource_type: "sync",
      depends_on: model ? [model.id] : [],
      model: sync.model,
      mode: sync.mode,
      primary_key: sync.primaryKey,
      destination_type: sync.destination.type,
      enabled: sync.enabled,
      targets: sync.targets ?? null,
      fields: Object.keys(sync.fields ?? {}),
    };
  }
  const readers = new Map<string, string[]>();
  for (const node of compilation.nodes.values()) {
    if (node.resourceType !== "model") continue;
    for (const s of node.sources) {
      const id = `source.${s.source}.${s.table}`;
      const list = readers.get(id) ?? [];
      if (!list.includes(node.id)) list.push(node.id);
      readers.set(id, list);
    }
  }
  const sources: Record<string, unknown> = {};
  for (const [sourceName, source] of Object.entries(loaded.config.sources)) {
    const tables = Array.isArray(source.tables)
      ? Object.fromEntries(source.tables.map((t) => [t, t]))
      : source.tables;
    for (const [table, real] of Object.entries(tables)) {
      const id = `source.${sourceName}.${table}`;
      sources[id] = {
        source_name: sourceName,
        name: table,
        resource_type: "source",
        relation: {
          ...(source.database ? { database: source.database } : {}),
          schema: source.schema,
          name: real,
        },
        loaded_at_field: source.freshness?.loadedAt ?? null,
        checksum: compilation.fingerprints.sources[id],
        read_by: readers.get(id) ?? [],
      };
    }
  }
  return { syncs, sources };
}

export type ManifestExits = ReturnType<typeof manifestExits>;
