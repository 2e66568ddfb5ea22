import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runStitch } from "../../src/identity/stitch/index.ts";
import { NO_RULES, rulesetSchema } from "../../src/identity/stitch/rules.ts";
import type { Relation, Warehouse } from "../../src/warehouse/types.ts";
import { type ConformanceTarget, duckdbTarget, postgresTarget } from "../conformance/targets.ts";
import { partitionOf, UnionFind } from "../helpers/union-find.ts";

type Edge = [string, string, string, string];

/** The stitch on every warehouse it must run on: the same tests, DuckDB and a real Postgres server. */
for (const target of [duckdbTarget, postgresTarget]) {
  const reason = await target.unavailable();
  if (reason) {
    console.warn(`\n*** stitch tests SKIPPED for ${target.name}: ${reason} ***\n`);
    describe.skip(`stitch on ${target.name} (${reason})`, () => {
      it("is skipped", () => {});
    });
    continue;
  }
  describe(`stitch on ${target.name}`, () => defineTests(target));
}

function defineTests(target: ConformanceTarget): void {
  const schema = `cdp_stitch_${Math.random().toString(36).slice(2, 8)}`;
  let wh: Warehouse;
  const rel = (name: string): Relation => ({ schema, name });
  const q = (name: string) => wh.dialect.quoteRelation(rel(name));
  beforeAll(async () => {
    wh = await target.open(schema);
  });
  afterAll(async () => {
    await target.cleanup?.(wh, schema);
    await wh.close();
  });

  let seed = 1;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };

  /** A SELECT over literal edges, in chunks so no statement gets huge. */
  function valuesSql(w: Warehouse, edges: Edge[]): string {
    const chunks: string[] = [];
    for (let i = 0; i < edges.length; i += 5000) {
      const values = edges
        .slice(i, i + 5000)
        .map((e) => `(${e.map((v) => w.dialect.literal(v)).join(", ")})`)
        .join(", ");
      chunks.push(`SELECT * FROM (VALUES ${values}) AS t(a_type, a_value, b_type, b_value)`);
    }
    return chunks.join(" UNION ALL ");
  }

  async function loadEdges(name: string, edges: Edge[]): Promise<string> {
    await wh.replaceTable(rel(name), valuesSql(wh, edges));
    return `SELECT * FROM ${q(name)}`;
  }

  async function stitchAndCompare(name: string, edges: Edge[]) {
    const output = rel(`${name}_profiles`);
    const result = await runStitch(wh, output, await loadEdges(`${name}_edges`, edges), NO_RULES, "run-1");
    const uf = new UnionFind();
    for (const [at, av, bt, bv] of edges) {
      const a = `${at}:${av}`;
      uf.add(a);
      if (bv !== "" && `${bt}:${bv}` !== a) uf.union(a, `${bt}:${bv}`);
    }
    const rows = await wh.query<{ identifier_type: string; identifier: string; profile_id: string }>(
      `SELECT identifier_type, identifier, profile_id FROM ${wh.dialect.quoteRelation(output)}`,
    );
    const keys = rows.map((r) => `${r.identifier_type}:${r.identifier}`);
    expect(new Set(keys).size).toBe(keys.length); // every identifier exactly once
    expect(
      partitionOf(rows.map((r) => ({ key: `${r.identifier_type}:${r.identifier}`, group: r.profile_id }))),
    ).toEqual(uf.partition());
    return result;
  }

  describe("stitch: connected components against an independent union-find", () => {
    it("random graphs: stars, paths, cliques, hubs, lone identifiers, duplicates", async () => {
      const edges: Edge[] = [];
      const id = (t: string, n: number): [string, string] => [t, `${t}${n}`];
      for (let s = 0; s < 30; s++)
        for (let k = 0; k < 1 + rand(8); k++) edges.push([...id("email", s), ...id("anon", s * 100 + k)]);
      for (let p = 0; p < 20; p++)
        for (let k = 0; k < rand(12); k++)
          edges.push([...id("phone", p * 50 + k), ...id("phone", p * 50 + k + 1)]);
      for (let c = 0; c < 10; c++) {
        const size = 2 + rand(5);
        for (let i = 0; i < size; i++)
          for (let j = i + 1; j < size; j++)
            edges.push([...id("user", c * 10 + i), ...id("user", c * 10 + j)]);
      }
      for (let k = 0; k < 200; k++) edges.push(["device", "shared-hub", ...id("anon", 10_000 + k)]);
      for (let k = 0; k < 15; k++) edges.push([...id("email", 900 + k), "email", `email${900 + k}`]); // self-edge
      for (let k = 0; k < 15; k++) edges.push([...id("email", 950 + k), "email", ""]); // lone, no partner
      for (let k = 0; k < 50; k++) edges.push(edges[rand(edges.length)]!); // duplicates
      for (let k = 0; k < 300; k++) edges.push([...id("anon", rand(3000)), ...id("email", rand(40))]); // random links
      const r = await stitchAndCompare("random", edges);
      expect(r.identifiers).toBeGreaterThan(500);
    });

    it("a model without rows gives an empty output", async () => {
      const output = rel("empty_profiles");
      const s = (x: string) => wh.dialect.cast(x, "string");
      const result = await runStitch(
        wh,
        output,
        `SELECT a_type, a_value, b_type, b_value FROM (SELECT ${s("'email'")} AS a_type, ${s("'x'")} AS a_value, ${s("'anon'")} AS b_type, ${s("'y'")} AS b_value) AS e WHERE 1 = 0`,
        NO_RULES,
        "run-1",
      );
      expect(result).toMatchObject({ identifiers: 0, profiles: 0 });
      const [count] = await wh.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ${wh.dialect.quoteRelation(output)}`,
      );
      expect(Number(count!.n)).toBe(0);
    });

    it("a 10,000-link chain converges in O(log n) rounds", async () => {
      const edges: Edge[] = [];
      // Shuffled ids so label order does not follow the chain.
      const order = Array.from({ length: 10_001 }, (_, i) => i).sort(() => rand(3) - 1);
      for (let i = 0; i < 10_000; i++) edges.push(["n", `v${order[i]}`, "n", `v${order[i + 1]}`]);
      const r = await stitchAndCompare("chain", edges);
      expect(r.profiles).toBe(1);
      console.log(`10,000-link chain: ${r.rounds} rounds`);
      expect(r.rounds).toBeLessThanOrEqual(40);
    });
  });

  describe("stitch: stable profile ids", () => {
    const out = rel("stable");
    const ids = async () =>
      Object.fromEntries(
        (
          await wh.query<{ k: string; p: string }>(
            `SELECT CONCAT(identifier_type, ':', identifier) AS k, profile_id AS p FROM ${q("stable")}`,
          )
        ).map((r) => [r.k, r.p]),
      );

    it("keeps ids as profiles grow, keeps the older id on a merge and records it", async () => {
      const first = await loadEdges("st1", [
        ["email", "a@x.com", "anon", "1"],
        ["email", "b@x.com", "anon", "2"],
      ]);
      await runStitch(wh, out, first, NO_RULES, "run-1");
      const before = await ids();
      expect(before["email:a@x.com"]).not.toBe(before["email:b@x.com"]);

      const grown = await loadEdges("st2", [
        ["email", "a@x.com", "anon", "1"],
        ["email", "a@x.com", "anon", "3"],
        ["email", "b@x.com", "anon", "2"],
      ]);
      const r2 = await runStitch(wh, out, grown, NO_RULES, "run-2");
      const after = await ids();
      expect(after["email:a@x.com"]).toBe(before["email:a@x.com"]);
      expect(after["anon:3"]).toBe(before["email:a@x.com"]);
      expect(after["email:b@x.com"]).toBe(before["email:b@x.com"]);
      expect(r2.merges).toBe(0);

      const merged = await loadEdges("st3", [
        ["email", "a@x.com", "anon", "1"],
        ["email", "a@x.com", "anon", "3"],
        ["email", "b@x.com", "anon", "2"],
        ["anon", "2", "anon", "3"],
      ]);
      const r3 = await runStitch(wh, out, merged, NO_RULES, "run-3");
      const final = await ids();
      expect(new Set(Object.values(final)).size).toBe(1);
      expect(r3.merges).toBe(1);
      const [record] = await wh.query(
        `SELECT old_profile_id, new_profile_id, reason, run_id FROM ${q("stable__merges")}`,
      );
      // Both profiles were created in the same run: the tie goes to the smaller id, deterministically.
      const survivor = final["email:a@x.com"];
      expect(record).toMatchObject({ new_profile_id: survivor, reason: "merge", run_id: "run-3" });
      expect([before["email:a@x.com"], before["email:b@x.com"]]).toContain(survivor);
    });

    it("gives the same ids for the same input whatever the row order or thread count", async () => {
      const edges: Edge[] = Array.from({ length: 400 }, (_, i) => [
        "email",
        `e${i % 97}`,
        "anon",
        `a${(i * 7) % 311}`,
      ]);
      const sqlA = await loadEdges("order_a", edges);
      const sqlB = await loadEdges("order_b", [...edges].reverse());
      const a = await runStitch(wh, rel("det_a"), sqlA, NO_RULES, "r");
      const b = await runStitch(wh, rel("det_b"), sqlB, NO_RULES, "r");
      expect(a.profiles).toBe(b.profiles);
      const rowsA = await wh.query(
        `SELECT identifier_type, identifier, profile_id FROM ${q("det_a")} ORDER BY 1, 2`,
      );
      const rowsB = await wh.query(
        `SELECT identifier_type, identifier, profile_id FROM ${q("det_b")} ORDER BY 1, 2`,
      );
      expect(rowsB).toEqual(rowsA);
      // A second, separate warehouse computes the same ids.
      const single = await target.open(`${schema}_one`);
      try {
        const table = { schema: `${schema}_one`, name: "e" };
        await single.replaceTable(table, valuesSql(single, edges));
        await runStitch(
          single,
          { schema: `${schema}_one`, name: "det_c" },
          `SELECT * FROM ${single.dialect.quoteRelation(table)}`,
          NO_RULES,
          "r",
        );
        expect(
          await single.query(
            `SELECT identifier_type, identifier, profile_id FROM ${single.dialect.quoteRelation({ schema: `${schema}_one`, name: "det_c" })} ORDER BY 1, 2`,
          ),
        ).toEqual(rowsA);
      } finally {
        await target.cleanup?.(single, `${schema}_one`);
        await single.close();
      }
    });
    it("derives a new profile's id from its smallest type:value, also when a type extends another", async () => {
      // A new profile hashes `<key>|<the id it split from>`; CONCAT reads that missing id as ''.
      const hex = (key: string) => `p_${createHash("sha256").update(`${key}|`).digest("hex").slice(0, 20)}`;
      // "web-2:" sorts before "web:" ('-' before ':'), though "web" sorts before "web-2": the
      // smallest key is not the smallest (type, value) there.
      const edges: Edge[] = [
        ["web", "b", "web-2", "z"],
        ["web", "a", "web", "b"],
        ["email", "x@y.z", "phone", "+15550100"],
        ["phone", "+15550100", "user_id", "u1"],
      ];
      const sql = await loadEdges("keys_edges", edges);
      await runStitch(wh, rel("keys"), sql, NO_RULES, "r");
      const rows = await wh.query<{ identifier: string; profile_id: string }>(
        `SELECT identifier, profile_id FROM ${q("keys")} ORDER BY identifier_type, identifier`,
      );
      const idOf = (identifier: string) => rows.find((r) => r.identifier === identifier)?.profile_id;
      expect(idOf("a")).toBe(hex("web-2:z"));
      expect(idOf("z")).toBe(hex("web-2:z"));
      expect(idOf("u1")).toBe(hex("email:x@y.z"));
      // A weight column (the anti-chaining's input, NULL here: no cannot-links) changes no id.
      const weighted = `SELECT a_type, a_value, b_type, b_value, ${wh.dialect.cast("NULL", "float64")} AS weight FROM ${q("keys_edges")}`;
      await runStitch(wh, rel("keys_w"), weighted, NO_RULES, "r");
      expect(
        await wh.query(
          `SELECT identifier, profile_id FROM ${q("keys_w")} ORDER BY identifier_type, identifier`,
        ),
      ).toEqual(rows);
      // Without such a type, the smallest key is the smallest identifier's.
      const sql2 = await loadEdges("keys_edges2", edges.slice(2));
      await runStitch(wh, rel("keys2"), sql2, NO_RULES, "r");
      const [row] = await wh.query<{ profile_id: string }>(`SELECT DISTINCT profile_id FROM ${q("keys2")}`);
      expect(row?.profile_id).toBe(hex("email:x@y.z"));
    });
  });

  describe("stitch: rules", () => {
    it("normalises, blocks junk, sets hubs aside, limits user_ids per profile, and records why", async () => {
      const rules = rulesetSchema.parse({
        normalize: { email: "email", phone: { kind: "phone", defaultCallingCode: "1" } },
        limits: { user_id: 1 },
        sourcePriority: ["app", "web"],
        maxDegree: 20,
      });
      const edges = [
        ["email", " Alice@Mail.COM ", "phone", "(415) 555-0134", "app"],
        ["email", "alice@mail.com", "phone", "+1 415 555 0134", "web"],
        ["email", "test@test.com", "anon", "a1", "web"],
        ["email", "test@test.com", "anon", "a2", "web"],
        ["phone", "0000000000", "anon", "a3", "web"],
        ["user_id", "u1", "email", "alice@mail.com", "app"],
        ["user_id", "u2", "email", "alice@mail.com", "web"],
        ["user_id", "u2", "anon", "u2-device", "web"],
        ...Array.from({ length: 25 }, (_, i) => [
          "anon",
          "library-pc",
          "email",
          `visitor${i}@mail.com`,
          "web",
        ]),
      ];
      await wh.replaceTable(
        rel("rule_edges"),
        `SELECT * FROM (VALUES ${edges.map((e) => `(${e.map((v) => wh.dialect.literal(v)).join(", ")})`).join(", ")}) AS t(a_type, a_value, b_type, b_value, source)`,
      );
      const r = await runStitch(wh, rel("ruled"), `SELECT * FROM ${q("rule_edges")}`, rules, "r1");
      const rows = await wh.query<{ identifier_type: string; identifier: string; profile_id: string }>(
        `SELECT * FROM ${q("ruled")}`,
      );
      const of = (t: string, v: string) =>
        rows.find((x) => x.identifier_type === t && x.identifier === v)?.profile_id;
      // One Alice: normalised email and E.164 phone from two spellings each.
      expect(
        rows.filter((x) => x.identifier_type === "email" && x.identifier === "alice@mail.com"),
      ).toHaveLength(1);
      expect(of("phone", "+14155550134")).toBe(of("email", "alice@mail.com"));
      // Junk is blocked: the anon ids behind test@test.com stay apart.
      expect(of("email", "test@test.com")).toBeUndefined();
      expect(of("anon", "a1")).not.toBe(of("anon", "a2"));
      expect(of("phone", "0000000000")).toBeUndefined();
      // The library PC is a hub: set aside, its visitors stay apart.
      expect(of("anon", "library-pc")).toBeUndefined();
      expect(of("email", "visitor1@mail.com")).not.toBe(of("email", "visitor2@mail.com"));
      // At most one user_id: u1 (app, higher priority) stays with Alice; u2 keeps its own device.
      expect(of("user_id", "u1")).toBe(of("email", "alice@mail.com"));
      expect(of("user_id", "u2")).not.toBe(of("email", "alice@mail.com"));
      expect(of("anon", "u2-device")).toBe(of("user_id", "u2"));
      expect(r.hubs).toBe(1);
      expect(r.cutEdges).toBeGreaterThan(0);
      const reasons = await wh.query<{ reason: string; n: number }>(
        `SELECT reason, COUNT(*) AS n FROM ${q("ruled__cuts")} GROUP BY reason ORDER BY reason`,
      );
      expect(reasons.map((x) => x.reason)).toEqual(["blocked", "hub", "limit"]);
    });

    it("cuts links beyond maxLinks per type pair (a shared browser cannot join two accounts)", async () => {
      const rules = rulesetSchema.parse({
        normalize: { email: "email_canonical" },
        maxLinks: { anon: { user_id: 1 } },
        sourcePriority: ["app", "web"],
      });
      const edges = [
        // The family computer: Ann logged in (app-sourced link wins), then Bob.
        ["anon", "family-pc", "user_id", "ann", "app"],
        ["anon", "family-pc", "user_id", "bob", "web"],
        ["user_id", "ann", "email", "ann@mail.com", "app"],
        ["user_id", "bob", "email", "bob@mail.com", "app"],
        // Ann's own browser may link her account and her email: different types are not limited.
        ["anon", "ann-phone", "user_id", "ann", "web"],
        ["anon", "ann-phone", "email", "Ann+shop@Gmail.com", "web"],
        ["email", "a.n.n@gmail.com", "user_id", "ann", "app"],
      ];
      await wh.replaceTable(
        rel("link_edges"),
        `SELECT * FROM (VALUES ${edges.map((e) => `(${e.map((v) => wh.dialect.literal(v)).join(", ")})`).join(", ")}) AS t(a_type, a_value, b_type, b_value, source)`,
      );
      await runStitch(wh, rel("linked"), `SELECT * FROM ${q("link_edges")}`, rules, "r1");
      const rows = await wh.query<{ identifier_type: string; identifier: string; profile_id: string }>(
        `SELECT * FROM ${q("linked")}`,
      );
      const of = (t: string, v: string) =>
        rows.find((x) => x.identifier_type === t && x.identifier === v)?.profile_id;
      expect(of("user_id", "ann")).toBe(of("anon", "family-pc"));
      expect(of("user_id", "bob")).not.toBe(of("user_id", "ann"));
      expect(of("user_id", "bob")).toBe(of("email", "bob@mail.com"));
      expect(of("anon", "ann-phone")).toBe(of("user_id", "ann"));
      // One inbox, one identifier: the +tag and the Gmail dots are gone.
      expect(rows.filter((x) => x.identifier === "ann@gmail.com")).toHaveLength(1);
      expect(of("email", "ann@gmail.com")).toBe(of("user_id", "ann"));
      const cuts = await wh.query<{ identifier: string; reason: string; detail: string }>(
        `SELECT identifier, reason, detail FROM ${q("linked__cuts")}`,
      );
      expect(cuts).toEqual([
        {
          identifier: "family-pc",
          reason: "link_limit",
          detail: "link to user_id bob cut: at most 1 user_id per anon",
        },
      ]);
    });
  });
}
