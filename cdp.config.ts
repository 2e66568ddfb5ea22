import { defineConfig, PERSON_MATCH_SETTINGS, secret } from "cdp";

/**
 * The demo project: a multi-source customer data set (CRM, web, app, orders, support, loyalty)
 * in `seeds/`, cleaned by `models/staging`, summarised in `models/marts`.
 */
export default defineConfig({
  name: "demo",
  // `cdp build` uses `dev`; `cdp build --target ci` a throwaway in-memory database; `--target pg`
  // a PostgreSQL server; `--target bigquery` Google BigQuery.
  defaultTarget: "dev",
  targets: {
    dev: { type: "duckdb", path: ".cdp/demo.duckdb", schema: "main" },
    ci: { type: "duckdb", path: ":memory:", schema: "main" },
    // PostgreSQL; the connection comes from DATABASE_URL or PGHOST, PGUSER, PGPASSWORD, PGDATABASE.
    pg: { type: "postgres", schema: "demo" },
    // BigQuery: the dataset `cdp_demo` (created on first run) in CDP_BIGQUERY_PROJECT. Credentials
    // come from the key file GOOGLE_APPLICATION_CREDENTIALS names, or from
    // `gcloud auth application-default login`.
    bigquery: {
      type: "bigquery",
      project: process.env.CDP_BIGQUERY_PROJECT ?? "my-gcp-project",
      schema: "cdp_demo",
      location: "US",
    },
  },
  threads: 4,
  vars: {
    // Text that means "no value" in the sources; staging models turn it into NULL.
    no_value_tokens: ["", "-", "unknown", "n/a", "na", "null", "none"],
    // Country calling codes, to read nationally written phone numbers where a record has a country.
    calling_codes: { US: "1", GB: "44", DE: "49", FR: "33" },
    // The demo data ends on this day; traits measure recency from it (use the run date in production).
    as_of: "2026-10-31",
    // Orders in these states count as revenue.
    revenue_statuses: ["completed"],
    // Reporting currency conversion, fixed for reproducible demo numbers.
    fx_to_usd: { USD: 1, EUR: 1.08, GBP: 1.27 },
  },
  identity: {
    rulesets: {
      // The recommended starting point: clean each identifier type, block the usual junk, keep
      // one account per person, and set aside identifiers shared by many people (shared PCs).
      recommended: {
        normalize: {
          email: "email",
          phone: { kind: "phone", defaultCallingCode: "1" },
          anon: "lower",
          device: "lower",
          user_id: "trim",
        },
        blocked: { defaults: true },
        limits: { user_id: 1, email: 3, phone: 3 },
        sourcePriority: ["app", "orders", "crm", "loyalty", "support", "web"],
        // A browser or device used by one person links a handful of identities at most.
        maxDegree: { anon: 5, device: 5, default: 25 },
      },
    },
    // Probabilistic matching (models/identity/support_loyalty_matches.sql): the recommended starting
    // point for person records, as it is. Spread it to adapt: `{ ...PERSON_MATCH_SETTINGS, threshold: 0.95 }`.
    match: { people: PERSON_MATCH_SETTINGS },
  },
  seeds: {
    raw_orders: { columnTypes: { amount: "DECIMAL(12,2)", order_id: "VARCHAR" } },
  },
  // Reverse ETL: `cdp sync` (and the end of `cdp build`) sends what changed in the audiences.
  syncs: {
    // The win-back audience as files in .cdp/exports/ (one directory per run): works offline.
    high_value_at_risk_file: {
      model: "aud_high_value_at_risk",
      primaryKey: "profile_id",
      // Profile ids merged away by the stitch leave the audience before the survivor is added.
      identity: "identity_graph",
      mode: "audience",
      destination: { type: "file", dir: ".cdp/exports", format: "csv" },
      fields: {
        email: { column: "email", transform: "email" },
        email_sha256: { column: "email", transform: ["email", "sha256"] },
        first_name: { column: "first_name", transform: "name" },
        lifetime_value_usd: "lifetime_value_usd",
        campaign: { constant: "win-back" },
      },
    },
    recent_signups_file: {
      model: "aud_recent_signups_no_order",
      primaryKey: "profile_id",
      identity: "identity_graph",
      mode: "mirror",
      destination: { type: "file", dir: ".cdp/exports", format: "jsonl" },
      fields: {
        email: { column: "email", transform: "email" },
        phone: { column: "phone", transform: "phone", defaultCallingCode: "1" },
        greeting: { template: "Hi {{first_name}}" },
      },
    },
    // The same audience POSTed to a webhook, only when CDP_WEBHOOK_URL is set.
    high_value_at_risk_webhook: {
      enabled: !!process.env.CDP_WEBHOOK_URL,
      model: "aud_high_value_at_risk",
      primaryKey: "profile_id",
      identity: "identity_graph",
      mode: "audience",
      destination: {
        type: "webhook",
        url: secret("CDP_WEBHOOK_URL"),
        signingSecret: secret("CDP_WEBHOOK_SECRET", { optional: true }),
      },
      fields: { email_sha256: { column: "email", transform: ["email", "sha256"] } },
    },
  },
});
