import type { HostileCase } from "../case.ts";

const salt = `qSaLt'x\\Y"z98765`;
const config = `import { secret } from "cdp";
export default { name: "t", warehouse: { type: "duckdb", path: ".cdp/t.duckdb" }, vars: { salt: secret("CDP_HOSTILE_SALT") } };
`;

/** Issue 17.4: secrets were redacted only as their exact text. */
export const secretCases: HostileCase[] = [
  {
    name: "a secret with quotes and a backslash, written through literal, in a failing test",
    found: "issue 17.4",
    files: {
      "cdp.config.ts": config,
      "models/m.sql": `{{config materialized="table"}}{{test "accepted_values" column="s" values="nope"}}
select {{literal (var "salt")}} as s, {{literal (var "salt")}} || '&x=' as t`,
    },
    env: { CDP_HOSTILE_SALT: salt },
    args: ["build", "--log-format", "json"],
    code: 1,
    says: ["accepted_values_m_s"],
    never: [
      salt,
      salt.replace(/'/g, "''"),
      JSON.stringify(salt).slice(1, -1),
      JSON.stringify(salt.replace(/'/g, "''")).slice(1, -1),
      encodeURIComponent(salt),
      "qSaLt",
    ],
  },
  {
    name: "a secret in vars too short to redact",
    found: "issue 17.4",
    files: { "cdp.config.ts": config, "models/m.sql": `select {{literal (var "salt")}} as s` },
    env: { CDP_HOSTILE_SALT: "abc" },
    args: ["compile"],
    code: 2,
    says: ['secret "vars.salt" (CDP_HOSTILE_SALT) is shorter than 8 characters'],
    never: ["'abc'"],
  },
];
