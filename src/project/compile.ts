import { createHash } from "node:crypto";
import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";
import { suggestion } from "../did-you-mean.ts";
import { CompileError, type Diagnostic } from "../errors.ts";
import type { MatchSettings } from "../identity/match-settings.ts";
import type { Ruleset } from "../identity/rules.ts";
import { dialectFor } from "../warehouse/index.ts";
import type { Dialect, Relation } from "../warehouse/types.ts";
import { discover } from "./discover.ts";
import { genericTest } from "./generic-tests.ts";
import { childrenOf, findCycles, topologicalOrder } from "./graph.ts";
import { prependCtes, stripTrailingSemicolons } from "./inline-ctes.ts";
import { MODEL_CONFIG_KEYS, modelConfigSchema } from "./model-config.ts";
import { relationNameProblem } from "./names.ts";
import { readSource } from "./read-source.ts";
import { secondStatement } from "./statements.ts";
import { REF_MARKER, type RenderState, type TemplateContext, TemplateEngine } from "./templates.ts";
import type { CompiledProject, ModelNode, Node, SeedNode, TestNode } from "./types.ts";

export interface Compilation extends CompiledProject {
  dialect: Dialect;
  /** Identity rulesets by name, for stitch models. */
  rulesets: Record<string, Ruleset>;
  /** Probabilistic matching settings by name, for match models. */
  matchSettings: Record<string, MatchSettings>;
  /** Where artifacts go (`paths.target`, absolute). */
  targetDir: string;
  /** Renders a model again for an incremental run (`is_incremental` true). */
  renderForRun(model: ModelNode, isIncremental: boolean): string;
}

type Cte = { name: string; sql: string };
const ephemeralName = (name: string) => `__cdp_ephemeral__${name}`;
const checksum = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/**
 * Compiles the project: discovers files, renders templates, builds and checks the DAG, generates
 * tests. Needs no warehouse connection. Throws one CompileError listing every problem found.
 */
export function compileProject(loaded: LoadedConfig): Compilation {
  const { projectDir, config, target } = loaded;
  const dialect = dialectFor(target);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const engine = new TemplateEngine({
    dialect,
    vars: config.vars,
    sources: config.sources,
    rulesets: config.identity.rulesets,
  });
  const context: TemplateContext = {
    isIncremental: false,
    target: { name: loaded.targetName, type: target.type, schema: target.schema },
  };

  for (const partial of discover(projectDir, config.paths.partials, ".sql")) {
    const source = readSource(partial.absolute, partial.file, partial.name);
    if (source.problem) diagnostics.push(source.problem);
    else engine.registerPartial(partial.name, source.text);
  }

  const nodes = new Map<string, Node>();
  const byName = new Map<string, ModelNode | SeedNode>();
  const claim = (node: ModelNode | SeedNode) => {
    const other = byName.get(node.name);
    if (other) {
      diagnostics.push({
        file: node.file,
        node: node.name,
        message: `the name "${node.name}" is already used by ${other.file}; model and seed names must be unique`,
      });
      return;
    }
    byName.set(node.name, node);
  };

  // Seeds.
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
    const seed: SeedNode = {
      id: `seed.${f.name}`,
      name: f.name,
      resourceType: "seed",
      file: f.file,
      tags: sc?.tags ?? [],
      dependsOn: [],
      relation: { schema: sc?.schema ?? target.schema, name: f.name },
      columnTypes: sc?.columnTypes,
      delimiter: sc?.delimiter,
    };
    claim(seed);
  }
  for (const name of Object.keys(config.seeds)) {
    if (!byName.has(name)) {
      diagnostics.push({
        file: loaded.configFile.slice(projectDir.length + 1),
        node: `seeds.${name}`,
        message: `seed "${name}" is configured but no ${name}.csv exists under ${config.paths.seeds}/.${suggestion(name, byName.keys())}`,
      });
    }
  }

  // Models: render once, read their config and refs.
  const configCache = new Map<string, ReturnType<typeof modelConfigSchema.safeParse>>();
  const renders = new Map<string, { sql: string; state: RenderState }>();
  const configLines = new Map<string, number | undefined>();
  for (const f of discover(projectDir, config.paths.models, ".sql")) {
    const source = readSource(f.absolute, f.file, f.name);
    if (source.problem) {
      diagnostics.push(source.problem);
      continue;
    }
    const raw = source.text;
    const rendered = engine.render(f.file, f.name, raw, context);
    diagnostics.push(...rendered.state.diagnostics);
    checkOneStatement(diagnostics, f.file, f.name, raw, rendered.sql, dialect.name);
    // Many models share a config: validate each distinct one once.
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
              file: f.file,
              line: rendered.state.configLine,
              node: f.name,
              message: `unknown config key "${key}".${suggestion(key, MODEL_CONFIG_KEYS)}`,
            });
          }
        } else {
          diagnostics.push({
            file: f.file,
            line: rendered.state.configLine,
            node: f.name,
            message: `config ${issue.path.join(".")}: ${issue.message}`,
          });
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
      usesIsIncremental: rendered.state.usesIsIncremental,
    };
    const here = { file: f.file, line: rendered.state.configLine, node: f.name };
    checkRelationName(
      diagnostics,
      { file: f.file, node: f.name },
      "model name (the file's base name)",
      f.name,
    );
    if (mc.alias !== undefined) checkRelationName(diagnostics, here, "alias", mc.alias);
    if (mc.schema !== undefined) checkRelationName(diagnostics, here, "schema", mc.schema);
    if (mc.rules && !config.identity.rulesets[mc.rules]) {
      diagnostics.push({
        file: f.file,
        line: rendered.state.configLine,
        node: f.name,
        message: `rules="${mc.rules}" is not a ruleset in cdp.config.ts identity.rulesets.${suggestion(mc.rules, Object.keys(config.identity.rulesets))}`,
      });
    }
    if (mc.materialized === "match" && !mc.settings) {
      diagnostics.push({
        file: f.file,
        line: rendered.state.configLine,
        node: f.name,
        message: `a match model names its settings: {{config materialized="match" settings="..."}} (from cdp.config.ts identity.match)`,
      });
    }
    if (mc.settings && !config.identity.match[mc.settings]) {
      diagnostics.push({
        file: f.file,
        line: rendered.state.configLine,
        node: f.name,
        message: `settings="${mc.settings}" is not in cdp.config.ts identity.match.${suggestion(mc.settings, Object.keys(config.identity.match))}`,
      });
    }
    if (mc.settings && mc.materialized !== "match") {
      diagnostics.push({
        file: f.file,
        line: rendered.state.configLine,
        node: f.name,
        message: `settings applies only to materialized="match"`,
      });
    }
    if (mc.rules && mc.materialized !== "stitch") {
      diagnostics.push({
        file: f.file,
        line: rendered.state.configLine,
        node: f.name,
        message: `rules applies only to materialized="stitch"`,
      });
    }
    if (mc.materialized === "incremental" && mc.incremental_strategy === "merge" && !mc.unique_key?.length) {
      diagnostics.push({
        file: f.file,
        line: rendered.state.configLine,
        node: f.name,
        message: `incremental_strategy "merge" needs a unique_key`,
      });
    }
    claim(model);
    renders.set(model.id, rendered);
    configLines.set(model.id, rendered.state.configLine);
  }

  checkRelationsUnique(byName.values(), configLines, diagnostics);

  // Dependencies of models.
  const known = [...byName.keys()];
  for (const node of byName.values()) {
    if (node.resourceType !== "model") continue;
    node.dependsOn = resolveRefs(node.refs, node.file, node.name, byName, known, diagnostics);
  }

  // Singular tests.
  const tests: TestNode[] = [];
  for (const f of discover(projectDir, config.paths.tests, ".sql")) {
    const source = readSource(f.absolute, f.file, f.name);
    if (source.problem) {
      diagnostics.push(source.problem);
      continue;
    }
    const raw = source.text;
    const rendered = engine.render(f.file, f.name, raw, context);
    diagnostics.push(...rendered.state.diagnostics);
    checkOneStatement(diagnostics, f.file, f.name, raw, rendered.sql, dialect.name);
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
      dependsOn: resolveRefs(rendered.state.refs, f.file, f.name, byName, known, diagnostics),
      testType: "singular",
      severity,
      compiledSql: rendered.sql,
    });
  }

  // Generic tests declared in models.
  for (const [id, rendered] of renders) {
    const model = byName.get(id.slice("model.".length)) as ModelNode;
    for (const t of rendered.state.tests) {
      const test = genericTest(model, t, dialect, byName, known, diagnostics);
      if (test) tests.push(test);
    }
  }

  // The graph, its order and its cycles.
  for (const node of byName.values()) nodes.set(node.id, node);
  for (const test of tests) {
    if (nodes.has(test.id)) {
      diagnostics.push({
        file: test.file,
        line: test.line,
        node: test.name,
        message: `test name "${test.name}" is used twice; give one a name= argument`,
      });
      continue;
    }
    nodes.set(test.id, test);
  }
  const parents = new Map<string, string[]>();
  for (const id of [...nodes.keys()].sort()) parents.set(id, nodes.get(id)!.dependsOn);
  const { order, blocked } = topologicalOrder(parents);
  for (const cycle of findCycles(parents, blocked)) {
    const names = cycle.map((id) => nodes.get(id)!.name);
    for (let i = 0; i < cycle.length - 1; i++) {
      const node = nodes.get(cycle[i]!) as ModelNode;
      const next = nodes.get(cycle[i + 1]!)!;
      const ref = node.refs?.find((r) => r.name === next.name);
      diagnostics.push({
        file: node.file,
        line: ref?.line,
        node: node.name,
        message: `dependency cycle: ${names.join(" -> ")} (this file refs "${next.name}")`,
        hint: "a model cannot depend on itself, directly or through others; break the cycle",
      });
    }
  }

  if (diagnostics.length) throw new CompileError(sortDiagnostics(diagnostics));

  // Resolve refs in dependency order so ephemeral models are ready when inlined.
  const ephemeralCtes = new Map<string, Cte[]>();
  const resolveBody = (self: Relation, sql: string): { body: string; ctes: Cte[] } => {
    const ctes: Cte[] = [];
    const seen = new Set<string>();
    const body = sql.replace(REF_MARKER, (_m, name: string) => {
      if (name === "") return dialect.quoteRelation(self);
      const target = byName.get(name)!;
      if (target.resourceType === "model" && target.config.materialized === "ephemeral") {
        for (const cte of ephemeralCtes.get(target.id) ?? []) {
          if (!seen.has(cte.name)) {
            seen.add(cte.name);
            ctes.push(cte);
          }
        }
        return ephemeralName(target.name);
      }
      return dialect.quoteRelation(target.relation);
    });
    return { body: stripTrailingSemicolons(body), ctes };
  };
  const resolve = (self: Relation, sql: string): string => {
    const { body, ctes } = resolveBody(self, sql);
    return prependCtes(body, ctes);
  };
  for (const id of order) {
    const node = nodes.get(id)!;
    if (node.resourceType !== "model") continue;
    const sql = renders.get(id)!.sql.trim();
    node.compiledSql = resolve(node.relation, sql);
    if (node.config.materialized === "ephemeral") {
      // What it inlines itself comes first, then its own body.
      const { body, ctes } = resolveBody(node.relation, sql);
      ephemeralCtes.set(id, [...ctes, { name: ephemeralName(node.name), sql: body }]);
    }
  }
  for (const test of tests) {
    if (test.testType === "singular") {
      test.compiledSql = resolve({ schema: target.schema, name: test.name }, test.compiledSql.trim());
    }
  }

  const children = childrenOf(parents);
  return {
    projectDir,
    name: config.name,
    targetName: loaded.targetName,
    nodes,
    order,
    children,
    dialect,
    rulesets: config.identity.rulesets,
    matchSettings: config.identity.match,
    targetDir: path.resolve(projectDir, config.paths.target),
    renderForRun(model, isIncremental) {
      if (!isIncremental || !model.usesIsIncremental) return model.compiledSql;
      const rendered = engine.render(model.file, model.name, model.raw, { ...context, isIncremental });
      // The incremental branch is rendered only now: its problems are compile errors all the same.
      const problems = [...rendered.state.diagnostics];
      checkOneStatement(problems, model.file, model.name, model.raw, rendered.sql, dialect.name);
      if (problems.length) throw new CompileError(problems);
      return resolve(model.relation, rendered.sql.trim());
    },
  };
}

function resolveRefs(
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

/**
 * Two nodes writing one relation (two models with one alias, a model aliased to a seed's name)
 * would overwrite each other, or conflict when they run at once. Compared without case: DuckDB's
 * identifiers are case-insensitive even when quoted.
 */
function checkRelationsUnique(
  nodes: Iterable<ModelNode | SeedNode>,
  configLines: Map<string, number | undefined>,
  diagnostics: Diagnostic[],
): void {
  const owners = new Map<string, ModelNode | SeedNode>();
  for (const node of nodes) {
    if (node.resourceType === "model" && node.config.materialized === "ephemeral") continue;
    const key = `${node.relation.schema}.${node.relation.name}`.toLowerCase();
    const other = owners.get(key);
    if (!other) {
      owners.set(key, node);
      continue;
    }
    const what = (n: ModelNode | SeedNode) => `${n.resourceType} "${n.name}" (${n.file})`;
    diagnostics.push({
      file: node.file,
      line: configLines.get(node.id),
      node: node.name,
      message: `${what(node)} and ${what(other)} both build the relation ${node.relation.schema}.${node.relation.name}`,
      hint: "give one of them another alias (or schema); each relation is built by one model or seed",
    });
  }
}

/** A model or test is one statement, whatever its template, partials and vars render. */
function checkOneStatement(
  diagnostics: Diagnostic[],
  file: string,
  node: string,
  raw: string,
  sql: string,
  dialectName: string,
): void {
  const second = secondStatement(sql, dialectName);
  if (!second) return;
  // The template's own line when the second statement is written in it; otherwise it came from a
  // rendered value (a var, a partial), and the compiled SQL's line is what can be shown.
  const inTemplate = secondStatement(
    raw.replace(/\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, " ")),
    dialectName,
  );
  diagnostics.push({
    file,
    line: inTemplate?.line,
    node,
    message: inTemplate
      ? "a model or test is one statement, and a second one follows this ';'"
      : `a model or test is one statement, and the rendered SQL holds a second one after the ';' on its line ${second.line} (from a var, partial or helper)`,
    hint: "remove the ';' and what follows it; a value meant as text is written with {{literal (var \"name\")}}",
  });
}

function checkRelationName(
  diagnostics: Diagnostic[],
  where: Omit<Diagnostic, "message">,
  what: string,
  name: string,
): void {
  const problem = relationNameProblem(name);
  if (problem) diagnostics.push({ ...where, message: `${what} ${JSON.stringify(name)} ${problem}` });
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1,
  );
}
