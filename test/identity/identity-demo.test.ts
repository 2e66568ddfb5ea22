import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdp, REPO } from "../helpers/project.ts";

/** The demo project end to end: staging, stitch, golden records, traits, audiences; then the identity commands. */
describe("demo identity pipeline", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cdp-demo-"));
  for (const part of ["cdp.config.ts", "models", "partials", "seeds", "tests", "truth"]) {
    cpSync(path.join(REPO, part), path.join(dir, part), { recursive: true });
  }

  it("builds, reports and measures itself against the ground truth", () => {
    const build = cdp(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    expect(build.stdout).toMatch(/OK\s+stitch\s+identity_graph/);
    expect(build.stdout).toMatch(/OK\s+match\s+support_loyalty_matches/);

    const report = cdp(dir, ["identity", "report", "--log-format", "json"]);
    expect(report.code, report.output).toBe(0);
    const r = JSON.parse(report.stdout);
    expect(r.model).toBe("identity_graph");
    expect(r.profiles).toBeGreaterThan(1000);
    expect(r.identifiersByType.map((t: { type: string }) => t.type).sort()).toEqual([
      "anon",
      "contact",
      "device",
      "email",
      "loyalty",
      "phone",
      "ticket",
      "user_id",
    ]);
    expect(r.cuts.some((c: { reason: string }) => c.reason === "blocked")).toBe(true);

    const quality = cdp(dir, [
      "identity",
      "evaluate",
      "--truth",
      "truth/records.csv",
      "--log-format",
      "json",
    ]);
    expect(quality.code, quality.output).toBe(0);
    const q = JSON.parse(quality.stdout);
    expect(q.records).toBe(34_075);
    // Floors that catch a regression; the figures themselves are in the README.
    expect(q.precision).toBeGreaterThan(0.9);
    expect(q.recall).toBeGreaterThan(0.65);
    // The goal, on the records that carry anything tying them to their person.
    expect(q.linkable.records).toBe(19_791);
    expect(q.linkable.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.linkable.recall).toBeGreaterThanOrEqual(0.95);

    // Same input, second run: ids are kept, nothing merges or splits.
    const again = cdp(dir, ["build", "--select", "identity_graph"]);
    expect(again.stdout).toMatch(/0 merges, 0 splits/);
  });

  it("rebuilds the same data twice more and sends nothing: the golden records do not flip", () => {
    const sent = () => {
      const results = JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8")) as {
        results: { sync: string; status: string; counts: { planned: number }; delivered: number }[];
      };
      return results.results.map((r) => [r.sync, r.status, r.counts.planned, r.delivered]);
    };
    // The first build (above) sent both audiences whole.
    expect(sent()).toEqual([
      ["high_value_at_risk_file", "success", 16, 16],
      ["recent_signups_file", "success", 26, 26],
    ]);
    for (const run of [2, 3]) {
      const build = cdp(dir, ["build"]);
      expect(build.code, build.output).toBe(0);
      expect(sent(), `build ${run}`).toEqual([
        ["high_value_at_risk_file", "success", 0, 0],
        ["recent_signups_file", "success", 0, 0],
      ]);
    }
  });
});
