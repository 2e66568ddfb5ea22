import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "../helpers/project.ts";

/**
 * A copy of the demo project in a temporary folder, with a target `pr` on the same database file
 * as `dev` but in the schema `prSchema` (a pull request's environment).
 */
export function demoCopy(prSchema: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cdp-demo-"));
  for (const entry of ["cdp.config.ts", "models", "partials", "seeds", "tests"]) {
    cpSync(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
  }
  const config = path.join(dir, "cdp.config.ts");
  const text = readFileSync(config, "utf8");
  const withPr = text.replace(
    /(\n\s*ci: \{ type: "duckdb")/,
    `\n    pr: { type: "duckdb", path: ".cdp/demo.duckdb", schema: "${prSchema}" },$1`,
  );
  if (withPr === text) throw new Error("the demo's config has no `ci` target to add `pr` beside");
  writeFileSync(config, withPr);
  return dir;
}
