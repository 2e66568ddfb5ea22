import { suggestion } from "../did-you-mean.ts";
import { UsageError } from "../errors.ts";
import { reachable } from "./graph.ts";
import type { CompiledProject, Node, ResourceType } from "./types.ts";

/** What `state:` selectors read: the previous run's manifest, compared with this project. */
export type StateSelector = (value: string) => Set<string>;

/**
 * dbt's selector grammar: space-separated terms are a union, comma-joined parts an intersection.
 * A part is `name` (globs with `*`), `tag:x`, `path:dir`, `resource_type:seed`, `config.materialized:table`,
 * with graph operators `+part` (ancestors), `part+` (descendants), `2+part` / `part+1` (limited depth)
 * and `@part` (descendants and all their ancestors).
 *
 * @example select(project, ["+stg_orders", "tag:daily"], ["path:models/legacy"])
 */
export function select(
  project: CompiledProject,
  include: string[] | undefined,
  exclude: string[] | undefined,
  state?: StateSelector,
): Set<string> {
  // A flag given without a value must not quietly mean "everything" (or "nothing excluded").
  if (include && !terms(include).length) {
    throw new UsageError("--select was given no selector; name what to select, e.g. --select stg_orders+");
  }
  if (exclude && !terms(exclude).length) {
    throw new UsageError("--exclude was given no selector; name what to leave out, e.g. --exclude tag:slow");
  }
  const all = new Set(project.nodes.keys());
  const parents = new Map<string, string[]>();
  for (const [id, node] of project.nodes) parents.set(id, node.dependsOn);
  const chosen = include?.length ? evaluate(project, parents, include, state) : all;
  // Slim CI: nothing changed since the state is nothing to do, not a mistake.
  if (include?.length && !chosen.size && !terms(include).some((t) => t.includes("state:"))) {
    throw new UsageError(`--select ${include.join(" ")} matches no model, seed or test (see \`cdp ls\`)`);
  }
  if (exclude?.length) for (const id of evaluate(project, parents, exclude, state)) chosen.delete(id);
  // Tests follow the nodes they check: a test is in when any node it reads is in, unless excluded directly.
  if (include?.length) {
    const excluded = exclude?.length ? evaluate(project, parents, exclude, state) : new Set<string>();
    for (const node of project.nodes.values()) {
      if (
        node.resourceType === "test" &&
        !excluded.has(node.id) &&
        node.dependsOn.some((d) => chosen.has(d))
      ) {
        chosen.add(node.id);
      }
    }
  }
  return chosen;
}

function terms(specs: string[]): string[] {
  return specs.flatMap((s) => s.split(/\s+/)).filter(Boolean);
}

function evaluate(
  project: CompiledProject,
  parents: Map<string, string[]>,
  specs: string[],
  state: StateSelector | undefined,
): Set<string> {
  const result = new Set<string>();
  for (const term of terms(specs)) {
    let intersection: Set<string> | undefined;
    for (const part of term.split(",")) {
      const ids = evaluatePart(project, parents, part, state);
      intersection = intersection ? new Set([...intersection].filter((id) => ids.has(id))) : ids;
    }
    for (const id of intersection ?? []) result.add(id);
  }
  return result;
}

function evaluatePart(
  project: CompiledProject,
  parents: Map<string, string[]>,
  part: string,
  state: StateSelector | undefined,
): Set<string> {
  const m = /^(@)?(?:(\d*)\+)?(.+?)(?:\+(\d*))?$/.exec(part);
  // What is left once the graph operators are read must name something: "+", "@" or "tag:" do not.
  if (!m || /[+@]/.test(m[3]!) || /:$/.test(m[3]!)) {
    throw new UsageError(
      `invalid selector "${part}": expected a name, tag:x, path:dir, ... with optional +, n+ and @ around it`,
    );
  }
  const [, at, up, method, down] = m;
  const base = matchMethod(project, method!, state);
  const out = new Set(base);
  const depth = (d: string | undefined) => (d ? Number(d) : Number.POSITIVE_INFINITY);
  if (at) {
    const desc = reachable(project.children, base);
    for (const id of desc) out.add(id);
    for (const id of reachable(parents, [...base, ...desc])) out.add(id);
    return out;
  }
  if (up !== undefined) for (const id of reachable(parents, base, depth(up))) out.add(id);
  if (down !== undefined) for (const id of reachable(project.children, base, depth(down))) out.add(id);
  return out;
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
}

const METHODS = ["tag", "path", "resource_type", "config.materialized", "test_type", "state"];

function matchMethod(
  project: CompiledProject,
  method: string,
  state: StateSelector | undefined,
): Set<string> {
  const out = new Set<string>();
  const colon = method.indexOf(":");
  const kind = colon > 0 ? method.slice(0, colon) : "name";
  const value = colon > 0 ? method.slice(colon + 1) : method;
  if (kind === "state") {
    if (!state) {
      throw new UsageError(
        `"${method}" compares with a previous run: give its artifacts with --state <dir> (e.g. --state prod-target/)`,
      );
    }
    return state(value);
  }
  const test: (n: Node) => boolean = (() => {
    switch (kind) {
      case "name": {
        const re = glob(value);
        return (n: Node) => re.test(n.name);
      }
      case "tag":
        return (n: Node) => n.tags.includes(value);
      case "path": {
        const prefix = value.replace(/\/+$/, "");
        return (n: Node) => n.file === prefix || n.file.startsWith(`${prefix}/`) || glob(prefix).test(n.file);
      }
      case "resource_type":
        return (n: Node) => n.resourceType === value;
      case "config.materialized":
        return (n: Node) => n.resourceType === "model" && n.config.materialized === value;
      case "test_type":
        return (n: Node) => n.resourceType === "test" && n.testType === value;
      default:
        throw new UsageError(
          `unknown selector method "${kind}" in "${method}".${suggestion(kind, METHODS)} Use a name, ${METHODS.map((m) => `${m}:`).join(", ")}`,
        );
    }
  })();
  for (const node of project.nodes.values()) if (test(node)) out.add(node.id);
  // A plain name that matches nothing is a typo far more often than an intent, and would
  // otherwise go unnoticed beside other terms that do match.
  if (!out.size && kind === "name" && !/[*?]/.test(value)) {
    const names = [...project.nodes.values()].map((n) => n.name);
    throw new UsageError(
      `selector "${value}" matches no model, seed or test.${suggestion(value, names)} (see \`cdp ls\`)`,
    );
  }
  return out;
}

/** The commands that act on nodes of the DAG. */
export type RunCommand = "seed" | "run" | "test" | "build";

const RESOURCES: Record<RunCommand, ResourceType[]> = {
  seed: ["seed"],
  run: ["model"],
  test: ["test"],
  build: ["seed", "model", "test"],
};

/** The nodes a command would act on, in build order. */
export function selectNodes(
  project: CompiledProject,
  command: RunCommand,
  options: { select?: string[]; exclude?: string[]; stateSelector?: StateSelector },
): Node[] {
  const chosen = select(project, options.select, options.exclude, options.stateSelector);
  const types = RESOURCES[command];
  return project.order
    .filter((id) => chosen.has(id))
    .map((id) => project.nodes.get(id)!)
    .filter((n) => types.includes(n.resourceType));
}
