import { suggestion } from "../did-you-mean.ts";
import type { Diagnostic } from "../errors.ts";
import type { Dialect, Relation } from "../warehouse/types.ts";
import { checksum } from "./compile-nodes.ts";
import { GENERIC_TESTS, type GenericTestKind, type TestArgs, testArgsSchema } from "./model-config.ts";
import { fileNameProblem, safeName } from "./names.ts";
import type { ModelNode, SeedNode, TestNode } from "./types.ts";

/**
 * SQL for the generic data tests. Each query returns the failing rows (zero rows: the test passes),
 * so `cdp test` can count them and show a sample.
 */
export function genericTestSql(
  kind: GenericTestKind,
  dialect: Dialect,
  model: Relation,
  args: TestArgs,
  parent?: Relation,
): string {
  const q = (c: string) => dialect.quoteIdentifier(c);
  const col = q(args.column);
  const from = args.where
    ? `(SELECT * FROM ${dialect.quoteRelation(model)} WHERE ${args.where}) AS model`
    : `${dialect.quoteRelation(model)} AS model`;
  switch (kind) {
    case "not_null":
      return `SELECT * FROM ${from} WHERE model.${col} IS NULL`;
    case "unique":
      return `SELECT model.${col} AS ${col}, COUNT(*) AS n_records FROM ${from} WHERE model.${col} IS NOT NULL GROUP BY model.${col} HAVING COUNT(*) > 1`;
    case "accepted_values": {
      const values = Array.isArray(args.values)
        ? args.values
        : String(args.values ?? "")
            .split(",")
            .map((v) => v.trim());
      const list = values.map((v) => dialect.literal(args.quote ? String(v) : v)).join(", ");
      const value = args.quote ? dialect.cast(`model.${col}`, "string") : `model.${col}`;
      return `SELECT model.${col} AS ${col}, COUNT(*) AS n_records FROM ${from} WHERE model.${col} IS NOT NULL AND ${value} NOT IN (${list}) GROUP BY model.${col}`;
    }
    case "relationships": {
      if (!parent || !args.field) throw new Error("relationships needs `to` and `field`");
      const field = q(args.field);
      return `SELECT model.${col} AS ${col} FROM ${from} LEFT JOIN ${dialect.quoteRelation(parent)} AS parent ON model.${col} = parent.${field} WHERE model.${col} IS NOT NULL AND parent.${field} IS NULL`;
    }
  }
}

/**
 * The test node for a `{{test "kind" ...}}` declared in a model, or undefined (with diagnostics)
 * when the declaration is wrong: an unknown kind, bad arguments, a missing `to` model.
 */
export function genericTest(
  model: ModelNode,
  declared: { kind: string; args: Record<string, unknown>; line?: number },
  dialect: Dialect,
  byName: Map<string, ModelNode | SeedNode>,
  known: string[],
  diagnostics: Diagnostic[],
): TestNode | undefined {
  const where = { file: model.file, line: declared.line, node: model.name };
  if (!GENERIC_TESTS.includes(declared.kind as GenericTestKind)) {
    diagnostics.push({
      ...where,
      message: `unknown test "${declared.kind}".${suggestion(declared.kind, GENERIC_TESTS)} Generic tests: ${GENERIC_TESTS.join(", ")}; write other checks as SQL files in tests/.`,
    });
    return undefined;
  }
  const kind = declared.kind as GenericTestKind;
  const parsed = testArgsSchema.safeParse(declared.args);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          diagnostics.push({
            ...where,
            message: `test "${kind}": unknown argument ${key}.${suggestion(key, Object.keys(testArgsSchema.shape))}`,
          });
        }
        continue;
      }
      diagnostics.push({ ...where, message: `test "${kind}": ${issue.path.join(".")}: ${issue.message}` });
    }
    return undefined;
  }
  const args = parsed.data;
  if (model.config.materialized === "ephemeral") {
    diagnostics.push({
      ...where,
      message: `test "${kind}" on an ephemeral model: ephemeral models have no relation to test`,
    });
    return undefined;
  }
  let parent: Relation | undefined;
  const dependsOn = [model.id];
  if (
    kind === "accepted_values" &&
    (args.values === undefined || (Array.isArray(args.values) && !args.values.length))
  ) {
    diagnostics.push({ ...where, message: `test "accepted_values" needs values="a,b,c"` });
    return undefined;
  }
  if (kind === "relationships") {
    if (!args.to || !args.field) {
      diagnostics.push({ ...where, message: `test "relationships" needs to="model" and field="column"` });
      return undefined;
    }
    const target = byName.get(args.to);
    if (!target) {
      diagnostics.push({
        ...where,
        message: `test "relationships": to="${args.to}" is not a model or seed.${suggestion(args.to, known)}`,
      });
      return undefined;
    }
    parent = target.relation;
    if (target.id !== model.id) dependsOn.push(target.id);
  }
  // The name is the test's file name under target/ when it fails: an explicit one must be a
  // plain file name; a generated one is made one.
  const problem = args.name === undefined ? undefined : fileNameProblem(args.name);
  if (problem) {
    diagnostics.push({
      ...where,
      message: `test name="${args.name}" ${problem}`,
      hint: "a test's name becomes a file name under target/; use letters, digits and _",
    });
    return undefined;
  }
  const name =
    args.name ??
    safeName(`${kind}_${model.name}_${args.column}${kind === "relationships" ? `__${args.to}` : ""}`);
  return {
    id: `test.${name}`,
    name,
    resourceType: "test",
    file: model.file,
    line: declared.line,
    tags: model.tags,
    dependsOn,
    testType: "generic",
    kind,
    args,
    attachedTo: model.id,
    severity: args.severity,
    compiledSql: genericTestSql(kind, dialect, model.relation, args, parent),
    checksum: checksum(JSON.stringify({ kind, args })),
  };
}
