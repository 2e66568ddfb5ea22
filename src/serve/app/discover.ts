import type { LoadedConfig } from "../../config/load.ts";
import { suggestion } from "../../did-you-mean.ts";
import { ConfigError } from "../../errors.ts";
import type { Compilation } from "../../project/compile.ts";
import type { ModelNode } from "../../project/types.ts";
import type { DocsData } from "../docs/types.ts";

/** The models the app reads a profile from, found from the project's shape (see each field). */
export interface ProfileModels {
  /** The stitch model: `api.identity`, else the project's first stitch model. */
  graph?: ModelNode;
  /** `serve.profile.records`, else a model with `source, record_id, profile_id`: the source records of each profile. */
  records?: ModelNode;
  /**
   * Models with one row per `profile_id` (a unique test on it), in build order: the first is the
   * golden record, unless `serve.profile.golden` names it.
   */
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
  const named = (key: "golden" | "records", columns: string[]) => {
    const name = loaded.config.serve?.profile[key];
    if (!name) return undefined;
    const model = byName.get(name);
    const file = loaded.configFile;
    if (!model) throw unknownProfileModel(file, key, name, [...byName.keys()]);
    const missing = columns.filter((c) => !has(model, c));
    // Columns are known once the model was built; before that, the name alone is checked.
    if (missing.length && docsKnow(model)) {
      throw new ConfigError(
        `${file}: serve.profile.${key} names ${name}, which has no column ${missing.join(", ")} (it needs ${columns.join(", ")})`,
        [{ file, node: `serve.profile.${key}`, message: `${name} lacks ${missing.join(", ")}` }],
      );
    }
    return model;
  };
  const docsKnow = (m: ModelNode) => (columns.get(m.id)?.size ?? 0) > 0;
  const golden = named("golden", ["profile_id"]);
  const records = named("records", ["source", "record_id", "profile_id"]);
  const profileTables = models.filter(
    (m) =>
      m !== golden &&
      uniqueOnProfile.has(m.id) &&
      !audienceNames.has(m.name) &&
      has(m, "profile_id") &&
      m.config.materialized !== "stitch",
  );
  return {
    graph:
      (api ? byName.get(api.identity) : undefined) ?? models.find((m) => m.config.materialized === "stitch"),
    records: records ?? models.find((m) => has(m, "source", "record_id", "profile_id")),
    profileTables: golden ? [golden, ...profileTables] : profileTables,
    audiences,
    matches: models.filter((m) => m.config.materialized === "match"),
  };
}

/** Refuses, before the server starts, a `serve.profile` key naming no model of the project. */
export function checkProfileModels(loaded: LoadedConfig, compilation: Compilation): void {
  const names = [...compilation.nodes.values()].filter((n) => n.resourceType === "model").map((n) => n.name);
  for (const key of ["golden", "records"] as const) {
    const name = loaded.config.serve?.profile[key];
    if (name && !names.includes(name)) throw unknownProfileModel(loaded.configFile, key, name, names);
  }
}

/** `serve.profile.<key>` names no model (of `models`): the error, with a did-you-mean. */
function unknownProfileModel(file: string, key: string, name: string, models: string[]): ConfigError {
  return new ConfigError(
    `${file}: serve.profile.${key} names "${name}", which is not a model.${suggestion(name, models)}`,
    [{ file, node: `serve.profile.${key}`, message: `no model "${name}"` }],
  );
}
