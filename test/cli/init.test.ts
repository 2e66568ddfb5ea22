import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdp } from "../helpers/project.ts";
import { tempDir } from "../helpers/temp-dir.ts";

describe("cdp init in a team's repository", () => {
  it("adds a project beside package.json and .gitignore, prints a working next step, and never overwrites", () => {
    const dir = tempDir("cdp-init-");
    writeFileSync(path.join(dir, "package.json"), `{"name":"team","private":true}\n`);
    writeFileSync(path.join(dir, ".gitignore"), "node_modules/\n.env");
    const r = cdp(dir, ["init", dir]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toContain(`Next: cd ${dir} && npx cdp build`);
    expect(readFileSync(path.join(dir, ".gitignore"), "utf8")).toBe("node_modules/\n.env\ntarget/\n.cdp/\n");
    expect(readFileSync(path.join(dir, "package.json"), "utf8")).toContain("team");

    const again = cdp(dir, ["init", dir, "--force"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already has a cdp.config.ts");
  });

  it("refuses to write over a file it would create, unless --force, which keeps it", () => {
    const dir = tempDir("cdp-init-");
    mkdirSync(path.join(dir, "models"));
    writeFileSync(path.join(dir, "models/active_customers.sql"), "select 42 as mine\n");
    const r = cdp(dir, ["init", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("already has models/active_customers.sql");
    const forced = cdp(dir, ["init", dir, "--force"]);
    expect(forced.code, forced.output).toBe(0);
    expect(readFileSync(path.join(dir, "models/active_customers.sql"), "utf8")).toBe("select 42 as mine\n");
    expect(forced.stdout).not.toContain("active_customers.sql");
  });
});
