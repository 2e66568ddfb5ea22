import type { HostileCase } from "../case.ts";

const header = "customer_id,email,plan";
const rows = Array.from({ length: 500 }, (_, i) => `${i},p${i}@example.com,pro`);
const good = `${[header, ...rows].join("\n")}\n`;
const kept = [
  {
    sql: "SELECT COUNT(*)::INT AS n, COUNT(plan)::INT AS plans FROM people",
    equals: [{ n: 500, plans: 500 }],
  },
];
const expected = "expected 3 fields (customer_id, email, plan) as in the header";

/** Issue 17.1: one malformed line silently garbled a seed on DuckDB. */
export const seedCases: HostileCase[] = [
  {
    name: "a seed with one four-field line in the middle",
    found: "issue 17.1",
    files: { "seeds/people.csv": good },
    before: [["seed"]],
    change: {
      "seeds/people.csv": `${[header, ...rows.slice(0, 250), "999,x@example.com,pro,extra", ...rows.slice(250)].join("\n")}\n`,
    },
    args: ["seed"],
    code: 1,
    says: [`seeds/people.csv:252: ${expected}, found 4`, /previous table is kept/],
    never: ["OK     seed"],
    rows: kept,
  },
  {
    name: "a seed whose last line has four fields",
    found: "issue 17.1",
    files: { "seeds/people.csv": good },
    before: [["seed"]],
    change: { "seeds/people.csv": `${good}1,2,3,4\n` },
    args: ["seed"],
    code: 1,
    says: [`seeds/people.csv:502: ${expected}, found 4`],
    rows: kept,
  },
  {
    name: "a seed whose last line is short",
    found: "issue 17.1",
    files: { "seeds/people.csv": good },
    before: [["seed"]],
    change: { "seeds/people.csv": `${good}1,2` },
    args: ["seed"],
    code: 1,
    says: [`seeds/people.csv:502: ${expected}, found 2`],
    rows: kept,
  },
  {
    name: "a seed with an unterminated quote",
    found: "issue 17.1",
    files: { "seeds/people.csv": good },
    before: [["seed"]],
    change: { "seeds/people.csv": `${header}\n1,"a@example.com,pro\n2,b@example.com,pro\n` },
    args: ["seed"],
    code: 1,
    says: ["seeds/people.csv:2: a quoted field is never closed"],
    rows: kept,
  },
  {
    name: "an empty seed file",
    found: "issue 17.1",
    files: { "seeds/people.csv": good },
    before: [["seed"]],
    change: { "seeds/people.csv": "" },
    args: ["seed"],
    code: 1,
    says: ["seeds/people.csv:1: the file has no header: expected a first line naming the columns"],
    never: ["column0"],
    rows: kept,
  },
];
