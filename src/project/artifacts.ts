import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { redactor } from "../config/secrets.ts";
import { ConfigError } from "../errors.ts";
import type { Compilation } from "./compile.ts";
import type { ManifestExits } from "./manifest-exits.ts";
import type { Node } from "./types.ts";

export const CDP_VERSION = "0.1.0";

/**
 * Where a node's compiled SQL goes: `compiled/` + its source path (`models/staging/x.sql`,
 * `tests/y.sql`); a generic test's under `compiled/tests/generic/`.
 */
export function compiledPath(node: Node): string | undefined {
  if (node.resourceType === "seed") return undefined;
  if (node.resourceType === "test" && node.testType === "generic") {
    return `compiled/tests/generic/${node.name}.sql`;
  }
  return `compiled/${node.file}`;
}

/**
 * The absolute path of an artifact, checked to stay under `targetDir`: names are validated at
 * compile time, and this is the last guard should one slip through (a `paths.models` that climbs
 * out of the project makes `compiled/<file>` climb too).
 */
export function artifactFile(targetDir: string, rel: string): string {
  const root = path.resolve(targetDir);
  const file = path.resolve(root, rel);
  const inside = path.relative(root, file);
  if (!inside || inside.startsWith("..") || path.isAbsolute(inside)) {
    throw new ConfigError(`refusing to write ${file}: artifacts are written under ${root} only`);
  }
  return file;
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
        partials: node.partials,
        vars: node.vars,
      };
    case "seed":
      return {
        name: node.name,
        resource_type: node.resourceType,
        original_file_path: node.file,
        relation: node.relation,
        tags: node.tags,
        column_types: node.columnTypes ?? {},
        checksum: node.checksum,
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
        checksum: node.checksum,
      };
  }
}

/**
 * `target/manifest.json`: every node with its config, file and dependencies, in build order.
 * Parents are each node's `depends_on`; `child_map` gives the other direction.
 */
export function buildManifest(compilation: Compilation, exits?: ManifestExits) {
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
      invocation_id: compilation.invocationId,
      dialect: compilation.dialect.name,
    },
    nodes,
    sources: exits?.sources ?? {},
    syncs: exits?.syncs ?? {},
    child_map: childMap,
    // What `--state` compares a model's partials and vars against.
    partials: compilation.fingerprints.partials,
    vars: compilation.fingerprints.vars,
  };
}

/** Writes a file through a temporary name and a rename, so readers never see half a file. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  // Synchronous: one large write is faster than a trip through the thread pool, and the caller
  // waits for it anyway.
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, redactor.redact(content));
  renameSync(temp, file);
}

const sqlChecksum = (sql: string) => createHash("sha1").update(sql).digest("base64url").slice(0, 16);

/** `path<TAB>checksum` per compiled file, kept beside them so an unchanged file is not rewritten. */
const CHECKSUMS_FILE = "compiled/.checksums";

function previousChecksums(targetDir: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const line of readFileSync(path.join(targetDir, CHECKSUMS_FILE), "utf8").split("\n")) {
      const tab = line.indexOf("\t");
      if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1));
    }
  } catch {}
  return out;
}

/**
 * Writes `target/compiled/**` (models and singular tests; a generic test's SQL is written when it
 * fails, see `writeFailedTestSql`) and `target/manifest.json`. Synchronous on purpose: for
 * thousands of small files, sync writes are several times faster than queued async ones.
 */
export async function writeCompileArtifacts(
  compilation: Compilation,
  targetDir: string,
  exits?: ManifestExits,
): Promise<void> {
  const made = new Set<string>();
  // A file whose content did not change since the last compile is not rewritten: on large
  // projects most are unchanged, and a stat is far cheaper than a write.
  const previous = previousChecksums(targetDir);
  const checksums: string[] = [];
  const dirExists = new Map<string, boolean>();
  for (const id of compilation.order) {
    const node = compilation.nodes.get(id)!;
    if (node.resourceType === "seed" || (node.resourceType === "test" && node.testType === "generic"))
      continue;
    const rel = compiledPath(node)!;
    const file = artifactFile(targetDir, rel);
    // A secret used in a template must not end up on disk: artifacts are redacted, runs use the real SQL.
    const content = redactor.redact(`${node.compiledSql}\n`);
    const checksum = sqlChecksum(content);
    checksums.push(`${rel}\t${checksum}`);
    const dir = path.dirname(file);
    // Unchanged since the last compile, and its folder is still there: nothing to write.
    if (previous.get(rel) === checksum) {
      if (!dirExists.has(dir)) dirExists.set(dir, existsSync(dir));
      if (dirExists.get(dir)) continue;
    }
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, content);
  }
  mkdirSync(path.join(targetDir, "compiled"), { recursive: true });
  await writeAtomic(path.join(targetDir, CHECKSUMS_FILE), checksums.join("\n"));
  await writeAtomic(path.join(targetDir, "manifest.json"), JSON.stringify(buildManifest(compilation, exits)));
}

/** Writes a failing generic test's query where `compiledPath` says, for the user to run by hand. */
export async function writeFailedTestSql(node: Node, targetDir: string): Promise<string> {
  const file = artifactFile(targetDir, compiledPath(node)!);
  await writeAtomic(file, `${node.resourceType === "seed" ? "" : node.compiledSql}\n`);
  return file;
}
