import type { Diagnostic } from "../errors.ts";
import { relationNameProblem } from "./names.ts";
import { secondStatement } from "./statements.ts";
import type { ModelNode, SeedNode } from "./types.ts";

/** Checks a compile makes on what the nodes would write: relation names, one statement each. */

/**
 * Two nodes writing one relation (two models with one alias, a model aliased to a seed's name)
 * would overwrite each other, or conflict when they run at once. Compared without case: DuckDB's
 * identifiers are case-insensitive even when quoted.
 */
export function checkRelationsUnique(
  nodes: Iterable<ModelNode | SeedNode>,
  configLine: (id: string) => number | undefined,
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
      line: configLine(node.id),
      node: node.name,
      message: `${what(node)} and ${what(other)} both build the relation ${node.relation.schema}.${node.relation.name}`,
      hint: "give one of them another alias (or schema); each relation is built by one model or seed",
    });
  }
}

/** A model or test is one statement, whatever its template, partials and vars render. */
export function checkOneStatement(
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

export function checkRelationName(
  diagnostics: Diagnostic[],
  where: Omit<Diagnostic, "message">,
  what: string,
  name: string,
): void {
  const problem = relationNameProblem(name);
  if (problem) diagnostics.push({ ...where, message: `${what} ${JSON.stringify(name)} ${problem}` });
}
