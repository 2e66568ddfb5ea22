import type { Duration, FreshnessConfig, SourceConfig } from "../config/schema.ts";
import { ConfigError } from "../errors.ts";
import type { Compilation } from "../project/compile.ts";
import type { Relation, Warehouse } from "../warehouse/types.ts";

export type FreshnessStatus = "pass" | "warn" | "error";

/** How fresh one source table is: the newest `loadedAt` and its age against the thresholds. */
export interface FreshnessResult {
  source: string;
  table: string;
  /** The relation as the warehouse names it. */
  relation: string;
  loadedAt: string;
  /** ISO time of the newest row, or null when the table has no row with a `loadedAt`. */
  maxLoadedAt: string | null;
  /** Seconds between the newest row and the check; null when the table is empty. */
  ageSeconds: number | null;
  warnAfterSeconds?: number;
  errorAfterSeconds?: number;
  status: FreshnessStatus;
  message: string;
}

const SECONDS = { m: 60, h: 3600, d: 86400, minute: 60, hour: 3600, day: 86400 } as const;

/** A duration from the config ("12h", `{ count: 12, period: "hour" }`) in seconds. */
export function durationSeconds(duration: Duration): number {
  if (typeof duration === "string") {
    const unit = duration.slice(-1) as "m" | "h" | "d";
    return Number.parseFloat(duration.slice(0, -1)) * SECONDS[unit];
  }
  return duration.count * SECONDS[duration.period];
}

/** "3 h 20 min", "2 days 4 h": an age for people. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  const days = Math.floor(s / 86400);
  return `${days} day${days === 1 ? "" : "s"} ${Math.floor((s % 86400) / 3600)} h`;
}

function sourceTables(source: SourceConfig): [string, string][] {
  return Array.isArray(source.tables) ? source.tables.map((t) => [t, t]) : Object.entries(source.tables);
}

/** The source tables (source, table) that the nodes with these names read, directly or upstream. */
export function upstreamSources(
  compilation: Compilation,
  names: string[],
): { source: string; table: string }[] {
  const byName = new Map([...compilation.nodes.values()].map((n) => [n.name, n]));
  const seen = new Set<string>();
  const out = new Map<string, { source: string; table: string }>();
  const stack = names.map((n) => byName.get(n)?.id).filter((id): id is string => !!id);
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = compilation.nodes.get(id);
    if (!node) continue;
    if ("sources" in node) for (const s of node.sources) out.set(`${s.source}.${s.table}`, s);
    stack.push(...node.dependsOn);
  }
  return [...out.values()];
}

/**
 * Checks the freshness of source tables that declare it (all of them, or only `only`): one
 * `MAX(loadedAt)` per table. A `loadedAt` column the table lacks is a configuration error naming
 * the source and the key (exit 2); so is a table that does not exist.
 */
export async function checkFreshness(
  wh: Warehouse,
  sources: Record<string, SourceConfig>,
  only?: { source: string; table: string }[],
  now: Date = new Date(),
): Promise<FreshnessResult[]> {
  const d = wh.dialect;
  const wanted = only && new Set(only.map((s) => `${s.source}.${s.table}`));
  const results: FreshnessResult[] = [];
  for (const [name, source] of Object.entries(sources)) {
    const freshness: FreshnessConfig | undefined = source.freshness;
    if (!freshness) continue;
    for (const [table, real] of sourceTables(source)) {
      if (wanted && !wanted.has(`${name}.${table}`)) continue;
      const relation: Relation = { database: source.database, schema: source.schema, name: real };
      const where = `sources.${name}.freshness.loadedAt`;
      const info = await wh.describe(relation);
      if (!info) {
        throw new ConfigError(
          `source ${name}.${table}: ${d.quoteRelation(relation)} does not exist in the warehouse (${where})`,
          [{ file: "cdp.config.ts", node: where, message: `source table ${name}.${table} not found` }],
        );
      }
      if (!info.columns.some((c) => c.name === freshness.loadedAt)) {
        throw new ConfigError(
          `source ${name}.${table} has no column "${freshness.loadedAt}" (${where}); its columns: ${info.columns.map((c) => c.name).join(", ")}`,
          [
            {
              file: "cdp.config.ts",
              node: where,
              message: `source table ${name}.${table} has no column "${freshness.loadedAt}"`,
            },
          ],
        );
      }
      const [row] = await wh.query<{ newest: unknown }>(
        `SELECT MAX(${d.quoteIdentifier(freshness.loadedAt)}) AS newest FROM ${d.quoteRelation(relation)}`,
      );
      const newest = toDate(row?.newest);
      const warnAfterSeconds = freshness.warnAfter ? durationSeconds(freshness.warnAfter) : undefined;
      const errorAfterSeconds = freshness.errorAfter ? durationSeconds(freshness.errorAfter) : undefined;
      const ageSeconds = newest ? (now.getTime() - newest.getTime()) / 1000 : null;
      let status: FreshnessStatus = "pass";
      if (ageSeconds === null || (errorAfterSeconds !== undefined && ageSeconds > errorAfterSeconds))
        status = errorAfterSeconds !== undefined ? "error" : "warn";
      else if (warnAfterSeconds !== undefined && ageSeconds > warnAfterSeconds) status = "warn";
      const limit = status === "error" ? errorAfterSeconds : status === "warn" ? warnAfterSeconds : undefined;
      const message =
        ageSeconds === null
          ? `no row has a ${freshness.loadedAt}`
          : `newest ${freshness.loadedAt} ${formatAge(ageSeconds)} old${limit !== undefined ? `, past ${status === "error" ? "errorAfter" : "warnAfter"} (${formatAge(limit)})` : ""}`;
      results.push({
        source: name,
        table,
        relation: d.quoteRelation(relation),
        loadedAt: freshness.loadedAt,
        maxLoadedAt: newest?.toISOString() ?? null,
        ageSeconds,
        warnAfterSeconds,
        errorAfterSeconds,
        status,
        message,
      });
    }
  }
  return results;
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") {
    const text =
      typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
