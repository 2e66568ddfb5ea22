import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { redactor } from "../config/secrets.ts";
import type { Compilation } from "./compile.ts";
import type { Node } from "./types.ts";

export const CDP_VERSION = "0.1.0";

/** Where a node's compiled SQL goes: `target/compiled/<its path under models/ or tests/>`. */
export function compiledPath(node: Node): string | undefined {
  if (node.resourceType === "seed") return undefined;
  if (node.resourceType === "test" && node.testType === "generic")
    return `compiled/tests/generic/${node.name}.sql`;
  const parts = node.file.split("/");
  return `compiled/${parts.length > 1 ? parts.slice(1).join("/") : node.file}`;
}

function manifestNode(node: Node) {
  switch (node.resourceType) {
    case "model":
      return {
        name: node.name,
        resource_type: node.resourceType,
        original_file_path: node.file,
        compiled_path: compiledPath(node),
        relation: node.relation,
        config: node.config,
        tags: node.tags,
        depends_on: node.dependsOn,
        sources: node.sources,
        checksum: node.checksum,
      };
    case "seed":
      return {
        name: node.name,
        resource_type: node.resourceType,
        original_file_path: node.file,
        relation: node.relation,
        tags: node.tags,
        column_types: node.columnTypes ?? {},
      };
    case "test":
      return {
        name: node.name,
        resource_type: node.resourceType,
        original_file_path: node.file,
        line: node.line,
        test_type: node.testType,
        test_kind: node.kind,
        attached_node: node.attachedTo,
        column: node.args?.column,
        severity: node.severity,
        depends_on: node.dependsOn,
      };
  }
}

/**
 * `target/manifest.json`: every node with its config, file and dependencies, in build order.
 * Parents are each node's `depends_on`; `child_map` gives the other direction.
 */
export function buildManifest(compilation: Compilation) {
  const nodes: Record<string, unknown> = {};
  const childMap: Record<string, string[]> = {};
  for (const id of compilation.order) {
    nodes[id] = manifestNode(compilation.nodes.get(id)!);
    const children = compilation.children.get(id);
    if (children?.length) childMap[id] = children;
  }
  return {
    metadata: {
      cdp_version: CDP_VERSION,
      generated_at: new Date().toISOString(),
      project_name: compilation.name,
      target_name: compilation.targetName,
      dialect: compilation.dialect.name,
    },
    nodes,
    child_map: childMap,
  };
}

/** Writes a file through a temporary name and a rename, so readers never see half a file. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, redactor.redact(content));
  await rename(temp, file);
}

/** Writes `content` unless the file already holds exactly that: reading is cheaper than rewriting. */
function writeIfChanged(file: string, content: string): void {
  try {
    if (readFileSync(file, "utf8") === content) return;
  } catch {}
  writeFileSync(file, content);
}

/**
 * Writes `target/compiled/**` (models and singular tests; a generic test's SQL is written when it
 * fails, see `writeFailedTestSql`) and `target/manifest.json`. Synchronous on purpose: for
 * thousands of small files, sync writes are several times faster than queued async ones.
 */
export async function writeCompileArtifacts(compilation: Compilation, targetDir: string): Promise<void> {
  const made = new Set<string>();
  for (const id of compilation.order) {
    const node = compilation.nodes.get(id)!;
    if (node.resourceType === "seed" || (node.resourceType === "test" && node.testType === "generic"))
      continue;
    const file = path.join(targetDir, compiledPath(node)!);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // A secret used in a template must not end up on disk: artifacts are redacted, runs use the real SQL.
    writeIfChanged(file, redactor.redact(`${node.compiledSql}\n`));
  }
  await writeAtomic(path.join(targetDir, "manifest.json"), JSON.stringify(buildManifest(compilation)));
}

/** Writes a failing generic test's query where `compiledPath` says, for the user to run by hand. */
export async function writeFailedTestSql(node: Node, targetDir: string): Promise<string> {
  const file = path.join(targetDir, compiledPath(node)!);
  await writeAtomic(file, `${node.resourceType === "seed" ? "" : node.compiledSql}\n`);
  return file;
}
