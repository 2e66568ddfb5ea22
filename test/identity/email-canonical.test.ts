import { expect, it } from "vitest";
import { normalizeSql } from "../../src/identity/stitch/normalize-sql.ts";
import { rulesetSchema } from "../../src/identity/stitch/rules.ts";
import { duckdbTarget, postgresTarget } from "../conformance/targets.ts";
import { describeEachWarehouse } from "../helpers/each-warehouse.ts";

const CASES: [string, string][] = [
  [" Alice.Smith@GMail.com ", "alicesmith@gmail.com"],
  ["alice.smith+shop@gmail.com", "alicesmith@gmail.com"],
  ["a.l.i.c.e@googlemail.com", "alice@gmail.com"],
  ["alice@gmial.com", "alice@gmail.com"],
  ["alice@gmail.con", "alice@gmail.com"],
  ["bob+news@outlook.com", "bob@outlook.com"],
  ["bob@hotmial.com", "bob@hotmail.com"],
  ["carol+x@icloud.com", "carol@icloud.com"],
  // Dots matter outside Gmail, and so do +tags at providers that do not strip them.
  ["first.last@example.com", "first.last@example.com"],
  ["first+last@example.com", "first+last@example.com"],
  ["dave@yaho.com", "dave@yahoo.com"],
  ["dave@gmail.com.au", "dave@gmail.com.au"],
];

describeEachWarehouse(
  "email_canonical normaliser",
  "email_canon",
  ({ wh: suite, skipped }) => {
    it("gives one address per inbox", async (ctx) => {
      if (skipped()) return ctx.skip();
      const wh = suite();
      const rules = rulesetSchema.parse({ normalize: { email: "email_canonical" } });
      const d = wh.dialect;
      const sql = CASES.map(
        ([input], i) =>
          `SELECT ${i} AS i, ${normalizeSql(d, rules, d.literal("email"), d.literal(input))} AS out`,
      ).join(" UNION ALL ");
      const rows = await wh.query<{ i: number; out: string }>(`SELECT * FROM (${sql}) AS t ORDER BY i`);
      expect(rows.map((r) => r.out)).toEqual(CASES.map(([, want]) => want));
    });
  },
  [duckdbTarget, postgresTarget],
);
