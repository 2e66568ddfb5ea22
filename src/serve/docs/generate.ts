import path from "node:path";
import { openProject, type ProjectOptions } from "../../project/open.ts";
import { collectDocs } from "./collect.ts";
import { writeSite } from "./site.ts";

export interface GenerateDocsResult {
  /** The page written: `<target>/docs/index.html`. */
  file: string;
  nodes: number;
  syncs: number;
  identityModels: number;
}

/**
 * `cdp docs generate`: compiles the project, reads columns, identity reports and sync runs from
 * the target's warehouse, and writes one self-contained page to `target/docs/index.html`.
 *
 * @example
 * const { file } = await generateDocs({ projectDir: "." }); // open file in a browser
 */
export async function generateDocs(options: ProjectOptions = {}): Promise<GenerateDocsResult> {
  const project = await openProject({ ...options, threads: () => 2 });
  try {
    const data = await collectDocs({
      loaded: project.loaded,
      compilation: project.compilation,
      warehouse: project.warehouse,
    });
    const file = await writeSite(path.join(project.compilation.targetDir, "docs"), data);
    return { file, nodes: data.nodes.length, syncs: data.syncs.length, identityModels: data.identity.length };
  } finally {
    await project.close();
  }
}
