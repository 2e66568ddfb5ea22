import type { HostileCase } from "../case.ts";

const duckdbAt = (p: string) =>
  `export default { name: "t", warehouse: { type: "duckdb", path: ${JSON.stringify(p)} } };\n`;
const model = { "models/m.sql": "select 1 as id" };

/** Issue 17.10: edge cases that hung or said "Unexpected error". */
export const edgeCases: HostileCase[] = [
  {
    name: "a DuckDB path under /proc",
    found: "issue 17.10",
    files: { ...model, "cdp.config.ts": duckdbAt("/proc/self/cdp.duckdb") },
    args: ["run"],
    code: 2,
    says: ["/proc/self/cdp.duckdb", "/proc is not a place for a database file"],
    never: ["Unexpected error"],
  },
  {
    name: "a DuckDB path whose parent is a file",
    found: "issue 17.10",
    files: { ...model, "cdp.config.ts": duckdbAt("notes.txt/cdp.duckdb"), "notes.txt": "hello\n" },
    args: ["run"],
    code: 2,
    says: ["notes.txt is a file, not a directory"],
    never: ["Unexpected error", "EEXIST"],
  },
  {
    name: "a DuckDB path naming a CSV file",
    found: "issue 17.10",
    files: { ...model, "cdp.config.ts": duckdbAt("seeds/people.csv"), "seeds/people.csv": "id\n1\n" },
    args: ["run"],
    code: 2,
    says: ["seeds/people.csv (warehouse.path in cdp.config.ts): it is not a DuckDB database"],
    intact: ["seeds/people.csv"],
  },
  {
    name: "a config getter that throws",
    found: "issue 17.10",
    files: {
      ...model,
      "cdp.config.ts": `export default { name: "t", warehouse: { type: "duckdb" }, vars: { get region() { throw new Error("no region configured"); } } };\n`,
    },
    args: ["compile"],
    code: 2,
    says: ['cdp.config.ts:1 (vars.region): reading "vars.region" failed: no region configured'],
    never: ["Unexpected error"],
  },
  {
    name: "a vars object that refers to itself",
    found: "issue 17.10",
    files: {
      ...model,
      "cdp.config.ts": `const vars: Record<string, unknown> = { a: 1 };\nvars.self = vars;\nexport default { name: "t", warehouse: { type: "duckdb" }, vars };\n`,
    },
    args: ["compile"],
    code: 2,
    says: ['(vars.self): "vars.self" refers back to "vars" (a cycle)'],
    never: ["Unexpected error", "call stack"],
  },
  {
    name: "--select with no value",
    found: "issue 17.10",
    files: model,
    args: ["ls", "--select"],
    code: 2,
    says: ["--select was given no selector"],
  },
  {
    name: "--exclude +",
    found: "issue 17.10",
    files: model,
    args: ["ls", "--exclude", "+"],
    code: 2,
    says: ['invalid selector "+"'],
  },
  {
    name: "a three-model cycle",
    found: "issue 17.10",
    files: {
      "models/a.sql": `select * from\n{{ref "b"}}`,
      "models/b.sql": `select * from\n\n{{ref "c"}}`,
      "models/c.sql": `select 1 as x\nunion all\nselect * from {{ref "a"}}`,
    },
    args: ["compile"],
    code: 2,
    says: [
      'models/a.sql:2 (a): dependency cycle: a -> b -> c -> a (this file refs "b")',
      'models/b.sql:3 (b): dependency cycle: a -> b -> c -> a (this file refs "c")',
      'models/c.sql:3 (c): dependency cycle: a -> b -> c -> a (this file refs "a")',
    ],
  },
  {
    name: "a Latin-1 model file",
    found: "issue 17.10",
    files: { "models/m.sql": Buffer.from("select 1 as id\n-- caf\xe9\nwhere 'na\xefve' = 'x'\n", "latin1") },
    args: ["compile"],
    code: 2,
    says: ["models/m.sql:2 (m): the file is not UTF-8 (byte 0xe9 on this line)"],
    never: ["\ufffd"],
  },
];

/** Symbolic links need a real file system entry, made when the case runs. */
export const symlinkCases: HostileCase[] = [
  {
    name: "symlinked models, a symlinked folder and a dangling link",
    found: "issue 17.10",
    files: {
      "shared/linked.sql": "select 2 as id",
      "shared/dir/deep.sql": "select 3 as id",
      "models/m.sql": "select 1 as id",
    },
    links: {
      "models/linked.sql": "../shared/linked.sql",
      "models/lib": "../shared/dir",
      "models/gone.sql": "../shared/none.sql",
    },
    args: ["compile"],
    code: 2,
    says: [
      "models/gone.sql (gone): cannot read the file: it is a link to a file that does not exist",
      "1 error",
    ],
  },
  {
    name: "symlinked models are built like the others",
    found: "issue 17.10",
    files: { "shared/linked.sql": "select 2 as id", "shared/dir/deep.sql": 'select * from {{ref "linked"}}' },
    links: { "models/linked.sql": "../shared/linked.sql", "models/lib": "../shared/dir" },
    args: ["run"],
    code: 0,
    says: ["OK     view        linked", "OK     view        deep"],
  },
];
