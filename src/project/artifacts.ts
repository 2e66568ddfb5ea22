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
  const base = {
    unique_id: node.id,
    name: node.name,
    resource_type: node.resourceType,
    original_file_path: node.file,
    tags: node.tags,
    depends_on: node.dependsOn,
  };
  switch (node.resourceType) {
    case "model":
      return {
        ...base,
        relation: node.relation,
        config: node.config,
        refs: node.refs.map((r) => r.name),
        sources: node.sources,
        checksum: node.checksum,
        compiled_path: compiledPath(node),
      };
    case "seed":
      return { ...base, relation: node.relation, column_types: node.columnTypes ?? {} };
    case "test":
      return {
        ...base,
        test_type: node.testType,
        test_kind: node.kind,
        attached_node: node.attachedTo,
        column: node.args?.column,
        severity: node.severity,
        compiled_path: compiledPath(node),
      };
  }
}

export function buildManifest(compilation: Compilation) {
  const nodes: Record<string, unknown> = {};
  const parentMap: Record<string, string[]> = {};
  const childMap: Record<string, string[]> = {};
  for (const id of compilation.order) {
    const node = compilation.nodes.get(id)!;
    nodes[id] = manifestNode(node);
    parentMap[id] = node.dependsOn;
    childMap[id] = compilation.children.get(id) ?? [];
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
    parent_map: parentMap,
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

/** Writes `target/compiled/**` and `target/manifest.json`. */
export async function writeCompileArtifacts(compilation: Compilation, targetDir: string): Promise<void> {
  const files: [string, string][] = [];
  const dirs = new Set<string>();
  for (const id of compilation.order) {
    const node = compilation.nodes.get(id)!;
    const rel = compiledPath(node);
    if (!rel || node.resourceType === "seed") continue;
    const file = path.join(targetDir, rel);
    dirs.add(path.dirname(file));
    // A secret used in a template must not end up on disk: artifacts are redacted, runs use the real SQL.
    files.push([file, redactor.redact(`${node.compiledSql}\n`)]);
  }
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  // Bounded parallelism: enough to keep the disk busy without exhausting file handles.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [file, content] = files[next++]!;
      await writeFile(file, content);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  await writeAtomic(
    path.join(targetDir, "manifest.json"),
    JSON.stringify(buildManifest(compilation), null, 1),
  );
}
