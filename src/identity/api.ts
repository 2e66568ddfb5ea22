import path from "node:path";
import { suggestion } from "../did-you-mean.ts";
import { UsageError } from "../errors.ts";
import { openProject, type ProjectOptions } from "../project/open.ts";
import type { ModelNode } from "../project/types.ts";
import type { Warehouse } from "../warehouse/types.ts";
import { type PairwiseQuality, pairwiseQuality } from "./evaluate.ts";
import type { BlockingRecall } from "./match/blocking-recall.ts";
import { type Explanation, explainPair } from "./match/explain.ts";
import type { MatchSettings } from "./match/settings.ts";
import { modelBlockingRecall, type Suggestion, suggestSettings } from "./match/suggest.ts";
import { explainProfilePath, type ProfilePathExplanation, parseIdentifier } from "./stitch/explain-path.ts";
import { type IdentityReport, identityReport } from "./stitch/report.ts";

async function withProject<T>(
  options: ProjectOptions,
  fn: (ctx: {
    models: ModelNode[];
    wh: Warehouse;
    projectDir: string;
    matchSettings: Record<string, MatchSettings>;
  }) => Promise<T>,
): Promise<T> {
  const { loaded, compilation, warehouse: wh, close } = await openProject({ ...options, threads: () => 2 });
  const models = [...compilation.nodes.values()].filter((n): n is ModelNode => n.resourceType === "model");
  try {
    return await fn({ models, wh, projectDir: loaded.projectDir, matchSettings: compilation.matchSettings });
  } finally {
    await close();
  }
}

function pick(
  models: ModelNode[],
  name: string | undefined,
  what: (m: ModelNode) => boolean,
  label: string,
): ModelNode {
  const candidates = models.filter(what);
  if (name) {
    const found = models.find((m) => m.name === name);
    if (!found)
      throw new UsageError(
        `no model "${name}".${suggestion(
          name,
          candidates.map((m) => m.name),
        )}`,
      );
    return found;
  }
  if (candidates.length !== 1) {
    throw new UsageError(
      `${candidates.length ? "several" : "no"} ${label} models (${candidates.map((m) => m.name).join(", ") || "none"}); name one with --model`,
    );
  }
  return candidates[0]!;
}

/** `cdp identity report`: profiles, identifiers, sizes, the largest profiles, cuts, merges. */
export async function reportIdentity(options: ProjectOptions & { model?: string }): Promise<IdentityReport> {
  return withProject(options, async ({ models, wh }) => {
    const model = pick(models, options.model, (m) => m.config.materialized === "stitch", "stitch");
    if (!(await wh.describe(model.relation))) {
      throw new UsageError(
        `${model.name} has not been built yet; run \`cdp build --select +${model.name}\` first`,
      );
    }
    return identityReport(wh, model.relation, model.name);
  });
}

/**
 * `cdp identity evaluate`: pairwise precision and recall of a model mapping records to profiles
 * (`source, record_id, profile_id`) against a ground-truth CSV (`source, record_id, person_id`).
 */
export async function evaluateIdentity(
  options: ProjectOptions & { model?: string; truth: string },
): Promise<PairwiseQuality & { model: string; linkable?: PairwiseQuality; blocking: ModelBlockingRecall[] }> {
  return withProject(options, async ({ models, wh, projectDir, matchSettings }) => {
    const model = pick(models, options.model ?? "record_profiles", () => false, "record");
    const truth = { schema: model.relation.schema, name: `${model.relation.name}__cdp_truth` };
    await wh.loadCsv(truth, path.resolve(projectDir, options.truth), {
      columnTypes: { source: "VARCHAR", record_id: "VARCHAR", person_id: "VARCHAR" },
    });
    try {
      const blocking = await matchModelsRecall(wh, models, matchSettings, truth);
      const all = { ...(await pairwiseQuality(wh, truth, model.relation)), blocking };
      // A truth with a `linkable` flag (1: the record carries something that could tie it to its
      // person) is also scored on those records alone: no resolver can place the others.
      const hasFlag = (await wh.describe(truth))?.columns.some((c) => c.name === "linkable");
      if (!hasFlag) return { model: model.name, ...all };
      const linkable = await pairwiseQuality(
        wh,
        truth,
        model.relation,
        `${wh.dialect.cast("t.linkable", "string")} IN ('1', 'true')`,
      );
      return { model: model.name, ...all, linkable };
    } finally {
      await wh.dropRelation(truth);
    }
  });
}

/** Blocking recall of a match model against the truth, by the record ids it selects. */
export interface ModelBlockingRecall extends BlockingRecall {
  model: string;
}

/** Blocking recall of every match model whose records the truth names (by `record_id`). */
async function matchModelsRecall(
  wh: Warehouse,
  models: ModelNode[],
  matchSettings: Record<string, MatchSettings>,
  truth: { schema: string; name: string },
): Promise<ModelBlockingRecall[]> {
  const out: ModelBlockingRecall[] = [];
  for (const m of models) {
    const settings =
      m.config.materialized === "match" && m.config.settings ? matchSettings[m.config.settings] : undefined;
    // A model not built yet may read tables that are not there either.
    if (!settings || !(await wh.describe(m.relation))) continue;
    const recall = await modelBlockingRecall(wh, m.relation, m.compiledSql, settings, truth);
    out.push({ model: m.name, ...recall });
  }
  return out;
}

/**
 * `cdp identity explain`: for a match model, why it scored two records as it did, from the
 * parameters its last build saved and the two records' comparison levels; for a stitch model
 * (`--model`, identifiers as `type:value`), why two identifiers are or are not in one profile: the
 * path of links between them with each link's weight, and what separated them.
 */
export async function explainIdentity(
  options: ProjectOptions & { model?: string; recordA: string; recordB: string },
): Promise<Explanation | ProfilePathExplanation> {
  return withProject(options, async ({ models, wh, matchSettings }) => {
    const model = pick(models, options.model, (m) => m.config.materialized === "match", "match");
    if (model.config.materialized === "stitch") {
      if (!(await wh.describe(model.relation))) {
        throw new UsageError(
          `${model.name} has not been built yet; run \`cdp build --select +${model.name}\` first`,
        );
      }
      const [a, b] = [parseIdentifier(options.recordA), parseIdentifier(options.recordB)];
      return explainProfilePath(wh, model.relation, model.name, a, b);
    }
    if (model.config.materialized !== "match" || !model.config.settings) {
      throw new UsageError(
        `${model.name} is not a match model (materialized="${model.config.materialized}")`,
      );
    }
    if (!(await wh.describe(model.relation))) {
      throw new UsageError(
        `${model.name} has not been built yet; run \`cdp build --select +${model.name}\` first`,
      );
    }
    return explainPair(wh, model.relation, model.compiledSql, matchSettings[model.config.settings]!, {
      model: model.name,
      settingsName: model.config.settings,
      recordA: options.recordA,
      recordB: options.recordB,
    });
  });
}

/**
 * `cdp identity suggest`: the match model's columns profiled and settings proposed from its
 * current ones, each blocking rule with its pairs and, with `--truth` (a CSV of the model's
 * `record_id` and `person_id`), its recall.
 */
export async function suggestIdentity(
  options: ProjectOptions & { model?: string; truth?: string },
): Promise<Suggestion & { model: string; settingsName: string }> {
  return withProject(options, async ({ models, wh, projectDir, matchSettings }) => {
    const model = pick(models, options.model, (m) => m.config.materialized === "match", "match");
    const settingsName = model.config.settings;
    if (model.config.materialized !== "match" || !settingsName) {
      throw new UsageError(
        `${model.name} is not a match model (materialized="${model.config.materialized}")`,
      );
    }
    const settings = matchSettings[settingsName]!;
    const truth = options.truth
      ? await loadTruth(wh, model.relation, path.resolve(projectDir, options.truth))
      : undefined;
    try {
      const s = await suggestSettings(wh, model.relation, model.compiledSql, settings, truth);
      return { model: model.name, settingsName, ...s };
    } finally {
      if (truth) await wh.dropRelation(truth);
    }
  });
}

/** A truth CSV (`record_id, person_id`, other columns ignored) as a table beside the model. */
async function loadTruth(
  wh: Warehouse,
  near: { schema: string; name: string },
  file: string,
): Promise<{ schema: string; name: string }> {
  const truth = { schema: near.schema, name: `${near.name}__cdp_truth` };
  await wh.loadCsv(truth, file, { columnTypes: { record_id: "VARCHAR", person_id: "VARCHAR" } });
  const columns = (await wh.describe(truth))?.columns.map((c) => c.name) ?? [];
  const missing = ["record_id", "person_id"].filter((c) => !columns.includes(c));
  if (missing.length) {
    await wh.dropRelation(truth);
    throw new UsageError(
      `${file} has no ${missing.join(" or ")} column: a truth names the person_id of each record_id (its columns: ${columns.join(", ")})`,
    );
  }
  return truth;
}
