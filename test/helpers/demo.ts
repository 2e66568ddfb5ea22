import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "./project.ts";

/** A copy of the repository's demo project (config, models, seeds, tests, partials) in a temp dir. */
export function copyDemo(prefix = "cdp-demo-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const name of ["models", "seeds", "tests", "partials"]) {
    if (existsSync(path.join(REPO, name)))
      cpSync(path.join(REPO, name), path.join(dir, name), { recursive: true });
  }
  writeFileSync(path.join(dir, "cdp.config.ts"), readFileSync(path.join(REPO, "cdp.config.ts"), "utf8"));
  return dir;
}
