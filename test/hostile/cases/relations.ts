import type { HostileCase } from "../case.ts";

/** Issue 17.5: two nodes writing one relation compiled; the last writer won or they conflicted. */
export const relationCases: HostileCase[] = [
  {
    name: "two models with one alias",
    found: "issue 17.5",
    files: {
      "models/a.sql": `{{config materialized="table" alias="customers"}}select 1 as id`,
      "models/b.sql": `\n{{config materialized="table" alias="Customers"}}select 2 as id`,
    },
    args: ["compile"],
    code: 2,
    says: [
      'models/b.sql:2 (b): model "b" (models/b.sql) and model "a" (models/a.sql) both build the relation main.Customers',
    ],
  },
  {
    name: "a model aliased to a seed's name",
    found: "issue 17.5",
    files: {
      "seeds/people.csv": "id\n1\n",
      "models/m.sql": `{{config materialized="table" alias="people"}}select 2 as id`,
    },
    args: ["build"],
    code: 2,
    says: [
      'model "m" (models/m.sql) and seed "people" (seeds/people.csv) both build the relation main.people',
    ],
  },
];
