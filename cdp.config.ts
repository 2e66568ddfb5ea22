import { defineConfig, env, PERSON_MATCH_SETTINGS, secret } from "warehouse-cdp";

/**
 * The demo project: a multi-source customer data set (CRM, web, app, orders, support, loyalty)
 * in `seeds/`, cleaned by `models/staging`, summarised in `models/marts`.
 */
export default defineConfig({
  name: "demo",
  // `cdp build` uses `dev`; `cdp build --target ci` a throwaway in-memory database (checks the
  // project; its syncs are skipped); `--target prod` the scheduled production run, whose DuckDB file
  // the CI workflow (.github/workflows/cdp.yml) carries from one run to the next; `--target pg` a
  // PostgreSQL server; `--target bigquery` Google BigQuery.
  defaultTarget: "dev",
  targets: {
    dev: { type: "duckdb", path: ".cdp/demo.duckdb", schema: "main" },
    ci: { type: "duckdb", path: ":memory:", schema: "main" },
    prod: { type: "duckdb", path: ".cdp/prod.duckdb", schema: "main" },
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
    // Web events from the seed raw_web_events (false), or from the collector's tables (true:
    // `--vars '{"collected_web_events": true}'` once `cdp collect` loaded them).
    collected_web_events: false,
  },
  // The event collector (`cdp collect`): the storefront's events, sent by cdp.js or replayed with
  // `npm run generate -- --replay URL`, land in the schema `events`.
  collect: {
    sources: { web: { writeKey: secret("CDP_WRITE_KEY_WEB") } },
    allowedOrigins: ["https://shop.example.com"],
  },
  // The collector's tables (Segment's warehouse schema), for the models to read.
  sources: {
    events: {
      schema: "events",
      tables: ["tracks", "identifies", "users", "pages", "screens", "groups", "aliases"],
    },
  },
  identity: {
    rulesets: {
      // The recommended starting point: clean each identifier type, block the usual junk, keep
      // one account per person, and set aside identifiers shared by many people (shared PCs).
      recommended: {
        normalize: {
          // One address per inbox: +tags, Gmail dots and common domain typos do not split a person.
          email: "email_canonical",
          phone: { kind: "phone", defaultCallingCode: "1" },
          anon: "lower",
          device: "lower",
          user_id: "trim",
        },
        blocked: { defaults: true },
        limits: { user_id: 2, email: 3, phone: 3 },
        sourcePriority: ["app", "orders", "crm", "loyalty", "support", "web"],
        // A browser or device used by one person links a handful of identities at most.
        maxDegree: { anon: 3, device: 5, default: 25 },
        // A browser or device belongs to one account: shared computers cannot join accounts.
        maxLinks: { anon: { user_id: 1 }, device: { user_id: 1 } },
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
  // A sync runs only on its `targets` (without them, on the default target alone), so a build on
  // another target never writes to the destination.
  syncs: {
    // The win-back audience as files in .cdp/exports/ (one directory per run): works offline.
    // On prod the files go to .cdp/prod-exports/ instead.
    high_value_at_risk_file: {
      targets: ["dev", "prod"],
      destinationByTarget: { prod: { type: "file", dir: ".cdp/prod-exports", format: "csv" } },
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
      targets: ["dev", "prod"],
      destinationByTarget: { prod: { type: "file", dir: ".cdp/prod-exports", format: "jsonl" } },
      model: "aud_recent_signups_no_order",
      primaryKey: "profile_id",
      identity: "identity_graph",
      mode: "mirror",
      destination: { type: "file", dir: ".cdp/exports", format: "jsonl" },
      fields: {
        email: { column: "email", transform: "email" },
        // E.164 read in the profile's country (then +1); what cannot be a number is left out.
        phone: { column: "phone", transform: "phone", countryColumn: "country", defaultCallingCode: "1" },
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

    // The four marketing and sales destinations, on the prod target only: each is switched on only
    // when its credentials are in the environment (or .env), so the demo runs offline. `cdp debug`
    // says which are ready. A failed or stopped run is posted to CDP_ALERT_WEBHOOK_URL when set.
    // Profiles to HubSpot contacts, keyed by a contact property created with "unique values".
    profiles_to_hubspot: {
      targets: ["prod"],
      enabled: !!process.env.HUBSPOT_ACCESS_TOKEN,
      model: "profiles",
      primaryKey: "profile_id",
      identity: "identity_graph",
      mode: "upsert",
      destination: {
        type: "hubspot",
        accessToken: secret("HUBSPOT_ACCESS_TOKEN"),
        object: "contacts",
        idProperty: "cdp_profile_id",
      },
      fields: {
        email: { column: "email", transform: "email" },
        firstname: "first_name",
        lastname: "last_name",
        phone: { column: "phone", transform: "phone", defaultCallingCode: "1" },
        city: "city",
      },
      maxRejected: "1%",
      // A failed run, or one a guard stopped (more than maxRemoved removals, an empty model, lost
      // state, stale sources), is posted to this URL (a Slack incoming webhook or any other).
      notify: { onFailure: secret("CDP_ALERT_WEBHOOK_URL", { optional: true }) },
    },
    // Profiles to Salesforce contacts, upserted by an External ID field.
    profiles_to_salesforce: {
      targets: ["prod"],
      enabled: !!process.env.SALESFORCE_REFRESH_TOKEN,
      model: "profiles",
      primaryKey: "profile_id",
      identity: "identity_graph",
      mode: "upsert",
      destination: {
        type: "salesforce",
        clientId: secret("SALESFORCE_CLIENT_ID"),
        clientSecret: secret("SALESFORCE_CLIENT_SECRET"),
        refreshToken: secret("SALESFORCE_REFRESH_TOKEN"),
        object: "Contact",
        externalIdField: "Cdp_Profile_Id__c",
      },
      fields: {
        Email: { column: "email", transform: "email" },
        FirstName: "first_name",
        // Salesforce requires a last name on a Contact.
        LastName: { template: "{{last_name}}" },
        Phone: { column: "phone", transform: "phone", defaultCallingCode: "1" },
        MailingCity: "city",
      },
      maxRejected: "1%",
    },
    // The win-back audience as a Meta Custom Audience (hashed by the connector).
    high_value_at_risk_meta: {
      targets: ["prod"],
      // Switched on by the token; `cdp debug` then names any other variable still missing.
      enabled: !!process.env.META_ACCESS_TOKEN,
      model: "aud_high_value_at_risk",
      primaryKey: "profile_id",
      identity: "identity_graph",
      mode: "audience",
      destination: {
        type: "meta",
        accessToken: secret("META_ACCESS_TOKEN"),
        // Not a secret, but from the environment: unset, the sync cannot run and debug says so.
        audienceId: env("META_AUDIENCE_ID"),
        defaultCountry: "US",
      },
      fields: { EMAIL: "email", PHONE: "phone", FN: "first_name", LN: "last_name", COUNTRY: "country" },
    },
    // The same audience as a Google Ads Customer Match list.
    high_value_at_risk_google_ads: {
      targets: ["prod"],
      enabled: !!process.env.GOOGLE_ADS_REFRESH_TOKEN,
      model: "aud_high_value_at_risk",
      primaryKey: "profile_id",
      identity: "identity_graph",
      mode: "audience",
      destination: {
        type: "google-ads",
        customerId: env("GOOGLE_ADS_CUSTOMER_ID"),
        userListId: env("GOOGLE_ADS_USER_LIST_ID"),
        loginCustomerId: process.env.GOOGLE_ADS_LOGIN_CUSTOMER_ID || undefined,
        developerToken: secret("GOOGLE_ADS_DEVELOPER_TOKEN"),
        clientId: secret("GOOGLE_ADS_CLIENT_ID"),
        clientSecret: secret("GOOGLE_ADS_CLIENT_SECRET"),
        refreshToken: secret("GOOGLE_ADS_REFRESH_TOKEN"),
        consent: { adUserData: "GRANTED", adPersonalization: "GRANTED" },
        defaultPhoneCountry: "US",
      },
      fields: {
        email: "email",
        phone: "phone",
        first_name: "first_name",
        last_name: "last_name",
        country_code: "country",
      },
    },
    // The same audience through Google's Data Manager API: the way for tokens Customer Match
    // through the Google Ads API no longer takes (connectors/google-data-manager/README.md).
    high_value_at_risk_google_dm: {
      targets: ["prod"],
      enabled: !!process.env.GOOGLE_DM_REFRESH_TOKEN && !!process.env.GOOGLE_DM_USER_LIST_ID,
      model: "aud_high_value_at_risk",
      primaryKey: "profile_id",
      identity: "identity_graph",
      mode: "audience",
      destination: {
        type: "google-data-manager",
        operatingAccount: { type: "GOOGLE_ADS", id: process.env.GOOGLE_DM_OPERATING_ACCOUNT_ID ?? "0" },
        loginAccount: process.env.GOOGLE_DM_LOGIN_ACCOUNT_ID
          ? { type: "GOOGLE_ADS", id: process.env.GOOGLE_DM_LOGIN_ACCOUNT_ID }
          : undefined,
        productDestinationId: process.env.GOOGLE_DM_USER_LIST_ID ?? "0",
        clientId: secret("GOOGLE_DM_CLIENT_ID"),
        clientSecret: secret("GOOGLE_DM_CLIENT_SECRET"),
        refreshToken: secret("GOOGLE_DM_REFRESH_TOKEN"),
        consent: { adUserData: "GRANTED", adPersonalization: "GRANTED" },
        customerMatchTermsAccepted: true,
        defaultPhoneCountry: "US",
      },
      fields: {
        email: "email",
        phone: "phone",
        first_name: "first_name",
        last_name: "last_name",
        country_code: "country",
      },
    },
  },
  // The profile API of `cdp serve` (GET /v1/profiles/{identifier_type}/{value}), on when
  // CDP_API_TOKEN is set: only these traits and audiences leave the warehouse.
  api: process.env.CDP_API_TOKEN
    ? {
        identity: "identity_graph",
        fields: {
          profiles: ["first_name", "city", "country"],
          profile_traits: ["lifetime_value_usd", "order_count", "churn_risk"],
        },
        audiences: ["aud_high_value_at_risk", "aud_recent_signups_no_order"],
        identifierTypes: ["email", "phone", "user_id", "anon"],
        tokens: { default: { token: secret("CDP_API_TOKEN") } },
      }
    : undefined,
});
