import type { HostileCase } from "../case.ts";

const orders = "seeds/orders.csv";
const ordersCsv = "id,status\n1,a\n2,b\n3,a'; x\n";
const filtered = (expr: string) =>
  `{{config materialized="table"}}\nselect id from {{ref "orders"}}\nwhere status = ${expr}`;
const injection = `a'; create table pwned as select 42 as x; --`;
const noPwned = {
  sql: "SELECT COUNT(*)::INT AS n FROM information_schema.tables WHERE table_name = 'pwned'",
  equals: [{ n: 0 }],
};

/** Issue 17.3: `{{var}}` was raw SQL; `literal` wrote '[object Object]'. */
export const varCases: HostileCase[] = [
  {
    name: "a var value closing a quote and adding a statement",
    found: "issue 17.3",
    files: { [orders]: ordersCsv, "models/m.sql": filtered(`'{{var "st"}}'`) },
    before: [["seed", "--vars", '{"st": "a"}']],
    args: ["build", "--vars", JSON.stringify({ st: injection })],
    code: 2,
    says: [
      'models/m.sql:3 (m): var "st" is written into the SQL as it is, and its value is not a plain number, boolean or word',
      `{{literal (var "st")}}`,
    ],
    never: ["pwned as select"],
    rows: [noPwned],
  },
  {
    name: "a var value widening a filter (' or 1=1 --)",
    found: "issue 17.3",
    files: { [orders]: ordersCsv, "models/m.sql": filtered(`'{{var "st"}}'`) },
    args: ["build", "--vars", JSON.stringify({ st: "' or 1=1 --" })],
    code: 2,
    says: ['var "st" is written into the SQL as it is'],
  },
  {
    name: "the same value through literal is a value, whatever it holds",
    found: "issue 17.3",
    files: { [orders]: ordersCsv, "models/m.sql": filtered(`{{literal (var "st")}}`) },
    args: ["build", "--vars", JSON.stringify({ st: "a'; x" })],
    code: 0,
    rows: [{ sql: "SELECT id::INT AS id FROM m", equals: [{ id: 3 }] }],
  },
  {
    name: "raw=true pastes text, and a second statement in it is still refused",
    found: "issue 17.3",
    files: { [orders]: ordersCsv, "models/m.sql": filtered(`{{var "cond" raw=true}}`) },
    before: [["seed", "--vars", '{"cond": "true"}']],
    args: ["build", "--vars", JSON.stringify({ cond: "'a'; create table pwned as select 42 as x" })],
    code: 2,
    says: ["models/m.sql (m): a model or test is one statement, and the rendered SQL holds a second one"],
    rows: [noPwned],
  },
  {
    name: "a second statement written in the model",
    found: "issue 17.3",
    files: { "models/m.sql": "select 1 as id;\n\ncreate table pwned as select 42 as x\n" },
    args: ["run"],
    code: 2,
    says: ["models/m.sql:1 (m): a model or test is one statement, and a second one follows this ';'"],
  },
  {
    name: "literal of an object and of a nested list",
    found: "issue 17.3",
    files: {
      "models/m.sql": `select {{literal (var "obj")}} as a,\n{{literal (var "nested")}} as b`,
      "cdp.config.ts": `export default { name: "t", warehouse: { type: "duckdb", path: ".cdp/t.duckdb" }, vars: { obj: { a: 1 }, nested: [["a", "b"]] } };\n`,
    },
    args: ["compile"],
    code: 2,
    says: [
      "models/m.sql:1 (m): literal cannot write an object as SQL",
      "models/m.sql:2 (m): literal cannot write a list holding a nested list as SQL",
    ],
    never: ["[object Object]"],
  },
];
