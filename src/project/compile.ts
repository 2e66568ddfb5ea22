import path from "node:path";
import type { LoadedConfig } from "../config/load.ts";
import { CompileError, type Diagnostic } from "../errors.ts";
import type { MatchSettings } from "../identity/match/settings.ts";
import type { Ruleset } from "../identity/stitch/rules.ts";
import { dialectFor } from "../warehouse/index.ts";
import type { Dialect, Relation } from "../warehouse/types.ts";
import { checkOneStatement, checkRelationsUnique } from "./compile-checks.ts";
import { NodeNames, readModels, readSeeds, readSingularTests, resolveRefs } from "./compile-nodes.ts";
import { discover } from "./discover.ts";
import { type Fingerprints, fingerprints, partialResolver } from "./fingerprints.ts";
import { genericTest, genericTestSql } from "./generic-tests.ts";
import { childrenOf, findCycles, topologicalOrder } from "./graph.ts";
import { readSource } from "./read-source.ts";
import { SqlResolver } from "./resolve-sql.ts";
import { type TemplateContext, TemplateEngine } from "./templates.ts";
import type { CompiledProject, ModelNode, Node, SeedNode, TestNode } from "./types.ts";

export interface Compilation extends CompiledProject {
  dialect: Dialect;
  /** Identity rulesets by name, for stitch models. */
  rulesets: Record<string, Ruleset>;
  /** Probabilistic matching settings by name, for match models. */
  matchSettings: Record<string, MatchSettings>;
  /** Where artifacts go (`paths.target`, absolute). */
  targetDir: string;
  /** Checksums of each partial and var, for `state:modified` (written to the manifest). */
  fingerprints: Fingerprints;
  /** Renders a model again for an incremental run (`is_incremental` true). */
  renderForRun(model: ModelNode, isIncremental: boolean): string;
  /**
   * `--defer`: refs to the nodes in `relations` resolve to the relation given (another
   * environment's) instead of their own; every model's and test's SQL is resolved again.
   */
  defer(relations: ReadonlyMap<string, Relation>): void;
  /** `cdp show "<sql>"`: a template outside any file, rendered and resolved like a model. */
  renderInline(text: string): string;
}

/**
 * Compiles the project: discovers files, renders templates, builds and checks the DAG, generates
 * tests, then resolves refs. Needs no warehouse connection. Throws one CompileError listing every
 * problem found.
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
  const partialSources = new Map<string, string>();
  for (const partial of discover(projectDir, config.paths.partials, ".sql")) {
    const source = readSource(partial.absolute, partial.file, partial.name);
    if (source.problem) diagnostics.push(source.problem);
    else {
      engine.registerPartial(partial.name, source.text);
      partialSources.set(partial.name, source.text);
    }
  }

  const names = new NodeNames(diagnostics);
  readSeeds(loaded, names, diagnostics);
  const renders = readModels(loaded, engine, context, names, diagnostics, partialResolver(partialSources));
  const { byName } = names;
  checkRelationsUnique(byName.values(), (id) => renders.get(id)?.state.configLine, diagnostics);
  const known = [...byName.keys()];
  for (const node of byName.values()) {
    if (node.resourceType !== "model") continue;
    node.dependsOn = resolveRefs(node.refs, node.file, node.name, byName, known, diagnostics);
  }
  const tests = readSingularTests(loaded, engine, context, names, diagnostics);
  for (const [id, rendered] of renders) {
    const model = byName.get(id.slice("model.".length)) as ModelNode;
    for (const t of rendered.state.tests) {
      const test = genericTest(model, t, dialect, byName, known, diagnostics);
      if (test) tests.push(test);
    }
  }
  const { nodes, parents, order } = buildGraph(byName, tests, diagnostics);
  if (diagnostics.length) throw new CompileError(sortDiagnostics(diagnostics));

  let sql = new SqlResolver(dialect, byName);
  sql.resolveModels(order, nodes, (id) => renders.get(id)!.sql);
  // A singular test's render, kept to resolve it again under --defer.
  const testRenders = new Map<string, string>();
  for (const test of tests) {
    if (test.testType === "singular") {
      testRenders.set(test.id, test.compiledSql.trim());
      test.compiledSql = sql.resolve({ schema: target.schema, name: test.name }, test.compiledSql.trim());
    }
  }

  return {
    projectDir,
    name: config.name,
    targetName: loaded.targetName,
    invocationId: loaded.invocationId,
    nodes,
    order,
    children: childrenOf(parents),
    dialect,
    rulesets: config.identity.rulesets,
    matchSettings: config.identity.match,
    targetDir: path.resolve(projectDir, config.paths.target),
    fingerprints: fingerprints(partialSources, config.vars, config.sources),
    renderForRun(model, isIncremental) {
      if (!isIncremental || !model.usesIsIncremental) return model.compiledSql;
      const rendered = engine.render(model.file, model.name, model.raw, { ...context, isIncremental });
      // The incremental branch is rendered only now: its problems are compile errors all the same.
      const problems = [...rendered.state.diagnostics];
      checkOneStatement(problems, model.file, model.name, model.raw, rendered.sql, dialect.name);
      if (problems.length) throw new CompileError(problems);
      return sql.resolve(model.relation, rendered.sql.trim());
    },
    renderInline(text) {
      const at = { file: "<inline>", node: "inline" };
      const rendered = engine.render(at.file, at.node, text, context);
      const problems = [...rendered.state.diagnostics];
      checkOneStatement(problems, at.file, at.node, text, rendered.sql, dialect.name);
      resolveRefs(rendered.state.refs, at.file, at.node, byName, known, problems);
      if (problems.length) throw new CompileError(problems);
      return sql.resolve({ schema: target.schema, name: at.node }, rendered.sql.trim());
    },
    defer(relations) {
      const deferred = new Map<string, ModelNode | SeedNode>();
      for (const [name, node] of byName) {
        const to = relations.get(node.id);
        deferred.set(name, to ? { ...node, relation: to } : node);
      }
      sql = new SqlResolver(dialect, deferred);
      sql.resolveModels(order, nodes, (id) => renders.get(id)!.sql);
      for (const test of tests) {
        if (test.testType === "singular") {
          test.compiledSql = sql.resolve(
            { schema: target.schema, name: test.name },
            testRenders.get(test.id)!,
          );
        } else if (test.kind && test.args && test.attachedTo) {
          const model = deferred.get(nodes.get(test.attachedTo)!.name)!;
          const parent = test.args.to ? deferred.get(test.args.to)?.relation : undefined;
          test.compiledSql = genericTestSql(test.kind, dialect, model.relation, test.args, parent);
        }
      }
    },
  };
}

/** The DAG of models, seeds and tests: its order, and a diagnostic per edge of each cycle. */
function buildGraph(
  byName: Map<string, ModelNode | SeedNode>,
  tests: TestNode[],
  diagnostics: Diagnostic[],
): { nodes: Map<string, Node>; parents: Map<string, string[]>; order: string[] } {
  const nodes = new Map<string, Node>();
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
  return { nodes, parents, order };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1,
  );
}
