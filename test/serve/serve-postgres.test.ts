import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, serve } from "../../src/serve/serve.ts";
import { postgresServer, warnSkipped } from "../helpers/postgres.ts";
import { cdp } from "../helpers/project.ts";
import { apiProject, TOKENS } from "./fixture.ts";

const pg = postgresServer();

if (pg.unavailable) {
  warnSkipped("cdp serve on Postgres", pg.unavailable);
  describe.skip(`cdp serve on Postgres (${pg.unavailable})`, () => {
    it("needs a server", () => {});
  });
} else {
  describe("cdp serve on Postgres", () => {
    let dir: string;
    let server: RunningServer;
    const lookup = async (type: string, value: string) =>
      fetch(`${server.url}/v1/profiles/${type}/${encodeURIComponent(value)}`, {
        headers: { authorization: `Bearer ${TOKENS.CDP_TEST_TOKEN_WEB}` },
      });

    beforeAll(async () => {
      Object.assign(process.env, TOKENS);
      dir = apiProject({ url: pg.url!, schema: `serve_${process.pid}` }, "serve: { refreshSeconds: 1 },");
      const built = cdp(dir, ["build", "--target", "pg"]);
      expect(built.code, built.output).toBe(0);
      server = await serve({ projectDir: dir, target: "pg", port: 0 });
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      for (const k of Object.keys(TOKENS)) delete process.env[k];
    });

    it("answers from the index, and sees a build that ran while it served", async () => {
      const ann = await lookup("email", "Ann@Example.com");
      expect(ann.status).toBe(200);
      expect(((await ann.json()) as { traits: unknown }).traits).toEqual({ first_name: "Ann", ltv: 500 });
      expect((await lookup("email", "cara@example.com")).status).toBe(404);
      appendFileSync(path.join(dir, "seeds/contacts.csv"), "\nc4,cara@example.com,u3,Cara,900,");
      const built = cdp(dir, ["build", "--target", "pg"]);
      expect(built.code, built.output).toBe(0);
      await server.refresh();
      const cara = await lookup("email", "cara@example.com");
      expect(cara.status).toBe(200);
      expect(((await cara.json()) as { audiences: string[] }).audiences).toEqual(["aud_high_value"]);
    }, 120_000);

    it("sees a build another machine ran (its own target/), by polling the catalog", async () => {
      expect((await lookup("email", "dan@example.com")).status).toBe(404);
      const before = server.state.view()!.generation;
      // Another checkout of the project, as a CI runner has: this server's target/ never changes.
      const elsewhere = mkdtempSync(path.join(tmpdir(), "cdp-serve-elsewhere-"));
      try {
        cpSync(dir, elsewhere, { recursive: true, filter: (p) => !p.includes(`${path.sep}target`) });
        appendFileSync(path.join(elsewhere, "seeds/contacts.csv"), "\nc5,dan@example.com,u4,Dan,300,");
        const built = cdp(elsewhere, ["build", "--target", "pg"]);
        expect(built.code, built.output).toBe(0);
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
      // No refresh() and no SIGHUP: the next look at the catalog (every second here) finds it.
      let dan = await lookup("email", "dan@example.com");
      for (let i = 0; i < 120 && dan.status === 404; i++) {
        await new Promise((r) => setTimeout(r, 250));
        dan = await lookup("email", "dan@example.com");
      }
      expect(dan.status).toBe(200);
      expect(server.state.view()!.generation).not.toBe(before);
    }, 120_000);
  });
}
