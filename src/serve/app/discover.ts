import type { LoadedConfig } from "../../config/load.ts";
import type { Compilation } from "../../project/compile.ts";
import type { ModelNode } from "../../project/types.ts";
import type { DocsData } from "../docs/types.ts";

/** The models the app reads a profile from, found from the project's shape (see each field). */
export interface ProfileModels {
  /** The stitch model: `api.identity`, else the project's first stitch model. */
  graph?: ModelNode;
  /** A model with `source, record_id, profile_id`: the source records of each profile. */
  records?: ModelNode;
  /** Models with one row per `profile_id` (a unique test on it), in build order: the first is the golden record. */
  profileTables: ModelNode[];
  /** Audiences: `api.audiences`, models tagged `audiences`, and models synced in audience mode. */
  audiences: ModelNode[];
  /** Probabilistic match models. */
  matches: ModelNode[];
}

export function discoverProfileModels(
  loaded: LoadedConfig,
  compilation: Compilation,
  docs: DocsData,
): ProfileModels {
  const models = compilation.order
    .map((id) => compilation.nodes.get(id)!)
    .filter((n): n is ModelNode => n.resourceType === "model" && n.config.materialized !== "ephemeral");
  const byName = new Map(models.map((m) => [m.name, m]));
  const columns = new Map(docs.nodes.map((n) => [n.id, new Set((n.columns ?? []).map((c) => c.name))]));
  const has = (m: ModelNode, ...cols: string[]) => cols.every((c) => columns.get(m.id)?.has(c));
  const api = loaded.config.api;
  const audienceNames = new Set([
    ...(api?.audiences ?? []),
    ...models.filter((m) => m.tags.includes("audiences")).map((m) => m.name),
    ...Object.values(loaded.config.syncs)
      .filter((s) => s.mode === "audience")
      .map((s) => s.model),
  ]);
  const audiences = [...audienceNames].flatMap((n) => {
    const m = byName.get(n);
    return m && has(m, "profile_id") ? [m] : [];
  });
  const uniqueOnProfile = new Set(
    [...compilation.nodes.values()].flatMap((n) =>
      n.resourceType === "test" && n.kind === "unique" && n.args?.column === "profile_id" && n.attachedTo
        ? [n.attachedTo]
        : [],
    ),
  );
  return {
    graph:
      (api ? byName.get(api.identity) : undefined) ?? models.find((m) => m.config.materialized === "stitch"),
    records: models.find((m) => has(m, "source", "record_id", "profile_id")),
    profileTables: models.filter(
      (m) =>
        uniqueOnProfile.has(m.id) &&
        !audienceNames.has(m.name) &&
        has(m, "profile_id") &&
        m.config.materialized !== "stitch",
    ),
    audiences,
    matches: models.filter((m) => m.config.materialized === "match"),
  };
}
