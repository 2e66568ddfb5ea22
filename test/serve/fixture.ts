import { makeProject } from "../helpers/project.ts";

/** Tokens of the fixture's API (16+ characters, as the schema requires). */
export const TOKENS = {
  CDP_TEST_TOKEN_WEB: "web-token-0123456789abcdef",
  CDP_TEST_TOKEN_PROD: "prod-token-0123456789abcdef",
  CDP_TEST_TOKEN_SLOW: "slow-token-0123456789abcdef",
};

/**
 * A small project with a stitch model, a golden record, an audience and an `api:` section:
 * Ann (two e-mails, one user id) is a high-value customer; Bob is not.
 */
export function apiProject(postgres?: { url: string; schema: string }, serve = ""): string {
  const pg = postgres
    ? `pg: { type: "postgres", connectionString: ${JSON.stringify(postgres.url)}, schema: ${JSON.stringify(postgres.schema)} },`
    : "";
  return makeProject(
    {
      "seeds/contacts.csv": [
        "contact_id,email,user_id,first_name,ltv,secret_note",
        "c1,Ann@Example.com,u1,Ann,500,vip do-not-share",
        "c2,ann.work@example.com,u1,Ann,,",
        "c3,bob@example.com,u2,Bob,20,owes money",
      ].join("\n"),
      "models/identity_edges.sql": `{{config materialized="view"}}
select 'email' as a_type, email as a_value, 'user_id' as b_type, user_id as b_value,
  current_timestamp as seen_at, 'crm' as source from {{ref "contacts"}}
union all select 'contact', contact_id, 'email', email, current_timestamp, 'crm' from {{ref "contacts"}}`,
      "models/identity_graph.sql": `{{config materialized="stitch" rules="basic"}}
select a_type, a_value, b_type, b_value, seen_at, source from {{ref "identity_edges"}}`,
      "models/profiles.sql": `{{config materialized="table"}}
select g.profile_id, max(c.first_name) as first_name, cast(sum(c.ltv) as integer) as ltv, max(c.secret_note) as secret_note
from {{ref "identity_graph"}} g join {{ref "contacts"}} c on g.identifier_type = 'contact' and g.identifier = c.contact_id
group by g.profile_id`,
      "models/aud_high_value.sql": `{{config materialized="table"}}
select profile_id, first_name from {{ref "profiles"}} where ltv >= 100`,
    },
    `import { secret } from "cdp";
export default {
  name: "t",
  targets: {
    dev: { type: "duckdb", path: ".cdp/t.duckdb" },
    prod: { type: "duckdb", path: ".cdp/prod.duckdb" },
    ${pg}
  },
  defaultTarget: "dev",
  threads: 2,
  identity: { rulesets: { basic: { normalize: { email: "email" }, blocked: { defaults: false } } } },
  api: {
    identity: "identity_graph",
    fields: { profiles: ["first_name", "ltv"] },
    audiences: ["aud_high_value"],
    tokens: {
      web: { token: secret("CDP_TEST_TOKEN_WEB"), targets: ${postgres ? '["dev", "pg"]' : '["dev"]'} },
      prod_only: { token: secret("CDP_TEST_TOKEN_PROD"), targets: ["prod"] },
      slow: { token: secret("CDP_TEST_TOKEN_SLOW"), rateLimit: { max: 2, perSeconds: 3600 } },
    },
  },
  ${serve}
};
`,
  );
}
