import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CDP_VERSION } from "../../src/project/artifacts.ts";
import { REPO } from "../helpers/project.ts";
import { tempDir } from "../helpers/temp-dir.ts";

/**
 * The package as a team gets it: packed, installed into an empty folder (the registry is asked
 * only for the dependencies), then `npx cdp init` and `npx cdp build` there.
 */

// The environment of a shell, not of the npm script running the tests.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")),
) as Record<string, string>;

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...env, CI: "true", NO_COLOR: "1" },
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, output: `${r.stdout}\n${r.stderr}` };
}

type Packed = { name: string; filename: string; files: { path: string }[] };

describe("the npm package", () => {
  it("ships the tool without demo data or tests, installs into an empty folder, and init then build work", () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as {
      name: string;
      version: string;
      bin: Record<string, string>;
    };
    expect(pkg.name).toBe("warehouse-cdp");
    expect(pkg.bin).toEqual({ cdp: "bin/cdp.js" });
    expect(CDP_VERSION).toBe(pkg.version);

    const work = tempDir("cdp-package-");
    const pack = run("npm", ["pack", "--json", "--pack-destination", work], REPO);
    expect(pack.code, pack.output).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as Packed[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(["bin/cdp.js", "src/cli/main.ts", "connectors/index.ts", "README.md"]),
    );
    const unwanted = files.filter((f) =>
      /^(seeds|models|tests|test|truth|bench|scripts|partials|\.github|connectors\/_template)\//.test(f),
    );
    expect(unwanted).toEqual([]);

    const app = path.join(work, "app");
    mkdirSync(app);
    const install = run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", path.join(work, packed!.filename)],
      app,
    );
    expect(install.code, install.output).toBe(0);

    // `--no`: the installed package's cdp, never one fetched from the registry.
    const version = run("npx", ["--no", "--", "cdp", "--version"], app);
    expect(version.stdout.trim()).toBe(pkg.version);
    const init = run("npx", ["--no", "--", "cdp", "init"], app);
    expect(init.code, init.output).toBe(0);
    expect(init.stdout).toContain("Next: npx cdp build");
    const build = run("npx", ["--no", "--", "cdp", "build"], app);
    expect(build.code, build.output).toBe(0);
    expect(build.stdout).toMatch(/Done\. .*succeeded/);
  }, 600_000);
});
