import { describe, expect, it } from "vitest";
import { Redactor } from "../../src/config/secrets.ts";
import { bigqueryDialect } from "../../src/warehouse/bigquery/dialect.ts";
import { literal } from "../../src/warehouse/standard-sql.ts";

describe("Redactor", () => {
  const secret = `qSaLt'x\\Y"z 9&8765`;
  const r = new Redactor();
  r.add(secret);

  it("redacts a secret as it is and in every form it takes on its way out", () => {
    const forms = [
      secret,
      literal(secret),
      bigqueryDialect("p").literal(secret),
      JSON.stringify(secret),
      JSON.stringify({ sql: `select ${literal(secret)}` }),
      JSON.stringify(JSON.stringify(secret)),
      encodeURIComponent(secret),
      new URLSearchParams({ k: secret }).toString(),
      `"${secret.replace(/"/g, '""')}"`,
    ];
    for (const text of forms) {
      const out = r.redact(`before ${text} after`);
      expect(out, text).toMatch(/^before .*\*\*\*.* after$/);
      expect(out, text).not.toMatch(/qSaLt|8765/);
    }
  });

  it("leaves other text alone and does not redact values under 4 characters", () => {
    const short = new Redactor();
    short.add("abc");
    expect(short.redact("abc abcd")).toBe("abc abcd");
    expect(r.redact("select 'plain' as x")).toBe("select 'plain' as x");
  });
});
