import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { suggestion } from "../did-you-mean.ts";
import { UsageError } from "../errors.ts";
import type { Relation } from "../warehouse/types.ts";
import type { Compilation } from "./compile.ts";
import type { Node } from "./types.ts";

/**
 * A previous run's `manifest.json` (`--state <dir>`): what `state:modified` and `state:new`
 * compare the project with, and where `--defer` sends refs to nodes not selected.
 */
export interface PreviousState {
  /** The manifest file read, for messages. */
  file: string;
  targetName: string;
  nodes: Record<string, StateNode>;
  partials: Record<string, string>;
  vars: Record<string, string>;
  /** Per `source.<source>.<table>`: the checksum of the relation it named. */
  sources: Record<string, string | undefined>;
}

const stateNodeSchema = z.looseObject({
  resource_type: z.enum(["model", "seed", "test"]),
  relation: z.object({ database: z.string().optional(), schema: z.string(), name: z.string() }).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  column_types: z.record(z.string(), z.string()).optional(),
  checksum: z.string().optional(),
  partials: z.array(z.string()).optional(),
  vars: z.array(z.string()).optional(),
});
export type StateNode = z.output<typeof stateNodeSchema>;

const manifestSchema = z.looseObject({
  metadata: z.looseObject({ target_name: z.string().optional() }),
  nodes: z.record(z.string(), stateNodeSchema),
  partials: z.record(z.string(), z.string()).default({}),
  vars: z.record(z.string(), z.string()).default({}),
  sources: z.record(z.string(), z.looseObject({ checksum: z.string().optional() })).default({}),
});

/** Reads `<dir>/manifest.json`; a missing or unreadable one is a usage error naming the file. */
export function loadState(dir: string): PreviousState {
  const file = path.resolve(dir, "manifest.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(
      `--state ${dir}: no manifest.json there (${file}); point it at the target/ folder of a previous run`,
    );
  }
  let parsed: z.output<typeof manifestSchema>;
  try {
    parsed = manifestSchema.parse(JSON.parse(text));
  } catch (error) {
    const why = error instanceof z.ZodError ? error.issues[0]?.message : (error as Error).message;
    throw new UsageError(`--state ${dir}: ${file} is not a cdp manifest (${why})`);
  }
  return {
    file,
    targetName: parsed.metadata.target_name ?? "",
    nodes: parsed.nodes,
    partials: parsed.partials,
    vars: parsed.vars,
    sources: Object.fromEntries(Object.entries(parsed.sources).map(([id, s]) => [id, s.checksum])),
  };
}

/** The ways a node can differ from the state: `state:modified.<kind>`. */
export const MODIFIED_KINDS = ["body", "configs", "partials", "vars", "sources"] as const;
export type ModifiedKind = (typeof MODIFIED_KINDS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How `node` differs from its previous version `before` (none: unchanged). */
export function modifiedKinds(
  node: Node,
  before: StateNode,
  project: Compilation,
  state: PreviousState,
): ModifiedKind[] {
  const kinds: ModifiedKind[] = [];
  if (node.checksum !== before.checksum) kinds.push("body");
  if (node.resourceType === "model") {
    // The config, not the relation: the state comes from another target (another schema), and a
    // `schema` or `alias` set in the config is part of the config.
    if (!same(node.config, before.config)) kinds.push("configs");
    const partials = project.fingerprints.partials;
    if (
      !same(node.partials, before.partials ?? []) ||
      node.partials.some((p) => partials[p] !== state.partials[p])
    ) {
      kinds.push("partials");
    }
    const vars = project.fingerprints.vars;
    if (!same(node.vars, before.vars ?? []) || node.vars.some((v) => vars[v] !== state.vars[v])) {
      kinds.push("vars");
    }
    // A source table the model reads now names another relation (schema, table, database).
    const sources = project.fingerprints.sources;
    if (
      node.sources.some(({ source, table }) => {
        const id = `source.${source}.${table}`;
        return sources[id] !== state.sources[id];
      })
    ) {
      kinds.push("sources");
    }
  } else if (node.resourceType === "seed") {
    if (!same(node.columnTypes ?? {}, before.column_types ?? {})) kinds.push("configs");
  }
  return kinds;
}

/**
 * The ids `state:<value>` picks: `new` (not in the state), `modified` (new, or changed in any
 * way) or `modified.<kind>` (new, or changed that way).
 */
export function selectByState(project: Compilation, state: PreviousState, value: string): Set<string> {
  const [method, kind] = value.split(".", 2) as [string, string | undefined];
  const known = ["new", "modified", ...MODIFIED_KINDS.map((k) => `modified.${k}`)];
  if (!known.includes(value)) {
    throw new UsageError(
      `unknown state selector "state:${value}".${suggestion(value, known)} Use: ${known.map((k) => `state:${k}`).join(", ")}`,
    );
  }
  const out = new Set<string>();
  for (const node of project.nodes.values()) {
    const before = state.nodes[node.id];
    if (!before || before.resource_type !== node.resourceType) {
      out.add(node.id);
      continue;
    }
    if (method === "new") continue;
    const kinds = modifiedKinds(node, before, project, state);
    if (kind ? kinds.includes(kind as ModifiedKind) : kinds.length) out.add(node.id);
  }
  return out;
}

/**
 * `--defer`: for every model and seed of the project not in `selected` that the state knows,
 * the relation the state recorded (the other environment's table).
 */
export function deferredRelations(
  project: Compilation,
  state: PreviousState,
  selected: ReadonlySet<string>,
): Map<string, Relation> {
  const out = new Map<string, Relation>();
  for (const node of project.nodes.values()) {
    if (node.resourceType === "test" || selected.has(node.id)) continue;
    if (node.resourceType === "model" && node.config.materialized === "ephemeral") continue;
    const relation = state.nodes[node.id]?.relation;
    if (relation) out.set(node.id, { ...relation });
  }
  return out;
}

/** The `state:` selector method over `previous` (none without `--state`). */
export function stateSelector(
  project: Compilation,
  previous: PreviousState | undefined,
): ((value: string) => Set<string>) | undefined {
  return previous ? (value) => selectByState(project, previous, value) : undefined;
}
