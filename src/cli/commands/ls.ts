import { compile, type ProjectOptions } from "../../api.ts";
import { select } from "../../project/selectors.ts";
import { loadState, stateSelector } from "../../project/state.ts";

/** Lines for `cdp ls`: names, file paths, or one JSON object per node. */
export async function listNodes(
  options: ProjectOptions,
  resourceType: string | undefined,
  output: string,
): Promise<string[]> {
  // Read before compiling: `--state target/` would otherwise compare the project with itself.
  const previous = options.state ? loadState(options.state) : undefined;
  const { compilation } = await compile(options);
  const chosen = select(compilation, options.select, options.exclude, stateSelector(compilation, previous));
  const lines: string[] = [];
  for (const id of compilation.order) {
    const node = compilation.nodes.get(id)!;
    if (!chosen.has(id) || (resourceType && node.resourceType !== resourceType)) continue;
    if (output === "path") lines.push(node.file);
    else if (output === "json") {
      lines.push(
        JSON.stringify({
          unique_id: node.id,
          name: node.name,
          resource_type: node.resourceType,
          file: node.file,
          tags: node.tags,
          depends_on: node.dependsOn,
          materialized: node.resourceType === "model" ? node.config.materialized : undefined,
        }),
      );
    } else lines.push(`${node.resourceType}.${node.name}`);
  }
  return lines;
}
