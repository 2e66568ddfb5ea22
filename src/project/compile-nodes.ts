import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { LoadedConfig } from "../config/load.ts";
import { suggestion } from "../did-you-mean.ts";
import type { Diagnostic } from "../errors.ts";
import { checkOneStatement, checkRelationName } from "./compile-checks.ts";
import { discover } from "./discover.ts";
import { MODEL_CONFIG_KEYS, type ModelConfig, modelConfigSchema } from "./model-config.ts";
import { readSource } from "./read-source.ts";
import type { RenderState, TemplateContext, TemplateEngine } from "./templates.ts";
import type { ModelNode, SeedNode, TestNode } from "./types.ts";

/** The first phases of a compile: files into nodes, each problem a diagnostic. */

export const checksum = (text: string | Buffer) =>
  createHash("sha256").update(text).digest("hex").slice(0, 16);

export type Rendered = { sql: string; state: RenderState };

/** Models and seeds by name: a name is taken once, a second taker is a diagnostic. */
export class NodeNames {
  readonly byName = new Map<string, ModelNode | SeedNode>();

  constructor(private readonly diagnostics: Diagnostic[]) {}

  claim(node: ModelNode | SeedNode): void {
    const other = this.byName.get(node.name);
    if (other) {
      this.diagnostics.push({
        file: node.file,
        node: node.name,
        message: `the name "${node.name}" is already used by ${other.file}; model and seed names must be unique`,
      });
      return;
    }
    this.byName.set(node.name, node);
  }
}

/** The seeds' nodes (`seeds/**.csv`), and a diagnostic for config naming a seed with no file. */
export function readSeeds(loaded: LoadedConfig, names: NodeNames, diagnostics: Diagnostic[]): void {
  const { projectDir, config, target } = loaded;
  for (const f of discover(projectDir, config.paths.seeds, ".csv")) {
    const sc = config.seeds[f.name];
    if (sc?.enabled === false) continue;
    checkRelationName(
      diagnostics,
      { file: f.file, node: f.name },
      "seed name (the file's base name)",
      f.name,
    );
    if (sc?.schema !== undefined) {
      checkRelationName(
        diagnostics,
        { file: loaded.configFile.slice(projectDir.length + 1), node: `seeds.${f.name}` },
        "schema",
        sc.schema,
      );
    }
    names.claim({
      id: `seed.${f.name}`,
      name: f.name,
      resourceType: "seed",
      file: f.file,
      tags: sc?.tags ?? [],
      dependsOn: [],
      relation: { schema: sc?.schema ?? target.schema, name: f.name },
      columnTypes: sc?.columnTypes,
      delimiter: sc?.delimiter,
      // dbt's habit: a seed is modified when its file is; seeds are small lookup tables.
      checksum: checksum(readFileSync(f.absolute)),
    });
  }
  for (const name of Object.keys(config.seeds)) {
    if (!names.byName.has(name)) {
      diagnostics.push({
        file: loaded.configFile.slice(projectDir.length + 1),
        node: `seeds.${name}`,
        message: `seed "${name}" is configured but no ${name}.csv exists under ${config.paths.seeds}/.${suggestion(name, names.byName.keys())}`,
      });
    }
  }
}

/** Models, rendered once: their nodes (claimed in `names`) and renders by node id. */
export function readModels(
  loaded: LoadedConfig,
  engine: TemplateEngine,
  context: TemplateContext,
  names: NodeNames,
  diagnostics: Diagnostic[],
  partialsOf: (raw: string) => string[],
): Map<string, Rendered> {
  const { projectDir, config, target } = loaded;
  // Many models share a config: validate each distinct one once.
  const configCache = new Map<string, ReturnType<typeof modelConfigSchema.safeParse>>();
  const renders = new Map<string, Rendered>();
  for (const f of discover(projectDir, config.paths.models, ".sql")) {
    const source = readSource(f.absolute, f.file, f.name);
    if (source.problem) {
      diagnostics.push(source.problem);
      continue;
    }
    const raw = source.text;
    const rendered = engine.render(f.file, f.name, raw, context);
    diagnostics.push(...rendered.state.diagnostics);
    checkOneStatement(diagnostics, f.file, f.name, raw, rendered.sql, target.type);
    const at = { file: f.file, line: rendered.state.configLine, node: f.name };
    const configKey = JSON.stringify(rendered.state.config ?? {});
    let parsed = configCache.get(configKey);
    if (!parsed) {
      parsed = modelConfigSchema.safeParse(rendered.state.config ?? {});
      configCache.set(configKey, parsed);
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) {
            diagnostics.push({
              ...at,
              message: `unknown config key "${key}".${suggestion(key, MODEL_CONFIG_KEYS)}`,
            });
          }
        } else {
          diagnostics.push({ ...at, message: `config ${issue.path.join(".")}: ${issue.message}` });
        }
      }
    }
    const mc = parsed.success ? { ...parsed.data } : modelConfigSchema.parse({});
    if (!mc.enabled) continue;
    const model: ModelNode = {
      id: `model.${f.name}`,
      name: f.name,
      resourceType: "model",
      file: f.file,
      tags: mc.tags,
      dependsOn: [],
      config: mc,
      relation: { schema: mc.schema ?? target.schema, name: mc.alias ?? f.name },
      raw,
      compiledSql: "",
      refs: rendered.state.refs,
      sources: rendered.state.sources.map(({ source, table }) => ({ source, table })),
      checksum: checksum(raw),
      partials: partialsOf(raw),
      vars: [...rendered.state.vars].sort(),
      usesIsIncremental: rendered.state.usesIsIncremental,
    };
    for (const message of configProblems(mc, loaded)) diagnostics.push({ ...at, message });
    checkRelationName(
      diagnostics,
      { file: f.file, node: f.name },
      "model name (the file's base name)",
      f.name,
    );
    if (mc.alias !== undefined) checkRelationName(diagnostics, at, "alias", mc.alias);
    if (mc.schema !== undefined) checkRelationName(diagnostics, at, "schema", mc.schema);
    names.claim(model);
    renders.set(model.id, rendered);
  }
  return renders;
}

/** What is wrong with a model's valid config given the project's (rulesets, match settings). */
function configProblems(mc: ModelConfig, loaded: LoadedConfig): string[] {
  const { identity } = loaded.config;
  const problems: string[] = [];
  // An invalid identity section is replaced whole by its defaults (its own errors say what is
  // wrong): whether it declares a name cannot be told then, so no model says it does not.
  const identityInvalid = loaded.diagnostics.some(
    (d) => d.node === "identity" || d.node?.startsWith("identity."),
  );
  if (mc.rules && !identityInvalid && !identity.rulesets[mc.rules]) {
    problems.push(
      `rules="${mc.rules}" is not a ruleset in cdp.config.ts identity.rulesets.${suggestion(mc.rules, Object.keys(identity.rulesets))}`,
    );
  }
  if (mc.materialized === "match" && !mc.settings) {
    problems.push(
      `a match model names its settings: {{config materialized="match" settings="..."}} (from cdp.config.ts identity.match)`,
    );
  }
  if (mc.settings && !identityInvalid && !identity.match[mc.settings]) {
    problems.push(
      `settings="${mc.settings}" is not in cdp.config.ts identity.match.${suggestion(mc.settings, Object.keys(identity.match))}`,
    );
  }
  if (mc.settings && mc.materialized !== "match")
    problems.push(`settings applies only to materialized="match"`);
  if (mc.rules && mc.materialized !== "stitch") problems.push(`rules applies only to materialized="stitch"`);
  problems.push(...snapshotProblems(mc));
  if (mc.materialized === "incremental" && mc.incremental_strategy === "merge" && !mc.unique_key?.length) {
    problems.push(`incremental_strategy "merge" needs a unique_key`);
  }
  return problems;
}

/** The singular tests (`tests/**.sql`), rendered, their refs resolved against `names`. */
export function readSingularTests(
  loaded: LoadedConfig,
  engine: TemplateEngine,
  context: TemplateContext,
  names: NodeNames,
  diagnostics: Diagnostic[],
): TestNode[] {
  const known = [...names.byName.keys()];
  const tests: TestNode[] = [];
  for (const f of discover(loaded.projectDir, loaded.config.paths.tests, ".sql")) {
    const source = readSource(f.absolute, f.file, f.name);
    if (source.problem) {
      diagnostics.push(source.problem);
      continue;
    }
    const raw = source.text;
    const rendered = engine.render(f.file, f.name, raw, context);
    diagnostics.push(...rendered.state.diagnostics);
    checkOneStatement(diagnostics, f.file, f.name, raw, rendered.sql, loaded.target.type);
    const severity = rendered.state.config?.severity === "warn" ? "warn" : "error";
    tests.push({
      id: `test.${f.name}`,
      name: f.name,
      resourceType: "test",
      file: f.file,
      tags: String(rendered.state.config?.tags ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      dependsOn: resolveRefs(rendered.state.refs, f.file, f.name, names.byName, known, diagnostics),
      testType: "singular",
      severity,
      compiledSql: rendered.sql,
      checksum: checksum(raw),
    });
  }
  return tests;
}

/** The node ids `refs` name; a ref to no model or seed is a diagnostic. */
export function resolveRefs(
  refs: { name: string; line?: number }[],
  file: string,
  node: string,
  byName: Map<string, ModelNode | SeedNode>,
  known: string[],
  diagnostics: Diagnostic[],
): string[] {
  const deps = new Set<string>();
  for (const ref of refs) {
    const target = byName.get(ref.name);
    if (!target) {
      diagnostics.push({
        file,
        line: ref.line,
        node,
        message: `ref "${ref.name}" does not match any model or seed.${suggestion(ref.name, known)}`,
      });
      continue;
    }
    deps.add(target.id);
  }
  return [...deps];
}

/** What a snapshot's config lacks, or snapshot options on another materialization. */
function snapshotProblems(mc: ModelConfig): string[] {
  if (mc.materialized !== "snapshot") {
    const set = (["strategy", "updated_at", "check_cols"] as const).filter((k) => mc[k] !== undefined);
    return set.length ? [`${set.join(", ")} applies only to materialized="snapshot"`] : [];
  }
  const problems: string[] = [];
  if (!mc.unique_key?.length)
    problems.push(`a snapshot needs a unique_key (the column(s) identifying a row)`);
  if (!mc.strategy) {
    problems.push(
      `a snapshot needs strategy="timestamp" (with updated_at=) or strategy="check" (with check_cols=)`,
    );
  } else if (mc.strategy === "timestamp" && !mc.updated_at) {
    problems.push(`strategy="timestamp" needs updated_at="<column>"`);
  } else if (mc.strategy === "check" && !mc.check_cols?.length) {
    problems.push(`strategy="check" needs check_cols="a,b" (or "all")`);
  }
  return problems;
}
