import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, serve } from "../../src/serve/serve.ts";
import { cdp } from "../helpers/project.ts";
import { apiProject, TOKENS } from "./fixture.ts";

/** `serve:` in cdp.config.ts: the models Profile 360 reads, named rather than found by shape. */
describe("cdp serve: serve.profile", () => {
  let dir: string;
  let server: RunningServer | undefined;
  const setServe = (serveConfig: string) => {
    const file = path.join(dir, "cdp.config.ts");
    const text = readFileSync(file, "utf8").replace(/\n {2}serve: .*\n/, "\n");
    writeFileSync(file, text.replace(/\n};\n$/, `\n  serve: ${serveConfig},\n};\n`));
  };

  beforeAll(() => {
    Object.assign(process.env, TOKENS);
    dir = apiProject();
    const built = cdp(dir, ["build"]);
    expect(built.code, built.output).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    for (const k of Object.keys(TOKENS)) delete process.env[k];
  });

  it("refuses a name that is no model, before it starts, with the key and a suggestion", async () => {
    setServe('{ profile: { golden: "profilez" } }');
    await expect(serve({ projectDir: dir, port: 0 })).rejects.toThrow(
      /serve\.profile\.golden names "profilez", which is not a model\. Did you mean "profiles"\?/,
    );
  });

  it("reads the golden record from the model it names", async () => {
    // Without the key the first model keyed by profile_id (profiles) is the golden record.
    setServe('{ profile: { golden: "aud_high_value" } }');
    server = await serve({ projectDir: dir, port: 0 });
    const search = (await (await fetch(`${server.url}/app/api/search?q=ann%40example.com`)).json()) as {
      matches: { profile_id: string }[];
    };
    const [ann] = search.matches;
    const profile = (await (await fetch(`${server.url}/app/api/profiles/${ann!.profile_id}`)).json()) as {
      golden: Record<string, unknown>;
      traits: Record<string, unknown>;
    };
    expect(Object.keys(profile.golden).sort()).toEqual(["first_name", "profile_id"]);
  });
});
