import type { HostileCase } from "../case.ts";

const victim = "select 1 as id\n";
const failing = (name: string) =>
  `{{config materialized="table"}}{{test "not_null" column="email" where="true" name="${name}"}}select cast(null as varchar) as email`;

/** Issue 17.2: a test's `name=` wrote outside `target/`. */
export const nameCases: HostileCase[] = [
  {
    name: "a test name climbing out of target/ onto a model",
    found: "issue 17.2",
    files: { "models/victim.sql": victim, "models/m.sql": failing("../../../../models/victim") },
    args: ["build"],
    code: 2,
    says: ['models/m.sql:1 (m): test name="../../../../models/victim" would be a path, not a file name'],
    never: ["not_null"],
    intact: ["models/victim.sql"],
  },
  {
    name: "a test name climbing out of the project",
    found: "issue 17.2",
    files: { "models/m.sql": failing("../../../../../../../../../tmp/cdp-hostile-escape") },
    args: ["build"],
    code: 2,
    says: ["would be a path, not a file name"],
    absent: ["/tmp/cdp-hostile-escape.sql"],
  },
  {
    name: "a test name with a NUL byte",
    found: "issue 17.2",
    files: { "models/m.sql": failing("a\\u0000b").replace("\\u0000", "\u0000") },
    args: ["compile"],
    code: 2,
    says: ["contains a control character"],
  },
  {
    name: "an alias longer than Postgres keeps, and a schema with a newline",
    found: "issue 17.2",
    files: {
      "models/m.sql": `select 1 as id\n{{config alias="${"x".repeat(64)}" schema="a\nb"}}`,
    },
    args: ["compile"],
    code: 2,
    says: [
      "models/m.sql:2 (m): alias",
      "is longer than 63 bytes",
      'schema "a\\nb" contains a control character',
    ],
  },
];
