import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GoogleAdsMock, startGoogleAdsMock } from "../destinations/google-ads/mock-server.ts";
import { type HubspotMock, startHubspotMock } from "../destinations/hubspot/mock-server.ts";
import { type MetaMock, memberKey, startMetaMock } from "../destinations/meta/mock-server.ts";
import { type SalesforceMock, startSalesforceMock } from "../destinations/salesforce/mock-server.ts";
import { cdpAsync, filesUnder } from "../helpers/cdp-process.ts";
import { cdp, makeProject } from "../helpers/project.ts";

/**
 * The four marketing and sales destinations wired end to end: a project's `cdp.config.ts`
 * declares them with `secret("ENV")` credentials, and the real `cdp` executable (a child
 * process) checks and syncs them against the mock APIs served from this process.
 */

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

interface Person {
  id: number;
  email: string;
  /** National digits of a US number; written "+1 415-555-0101" in the seed. */
  phone: string;
  first: string;
  last: string;
  country: string;
}

const PEOPLE: Person[] = [
  { id: 1, email: "ada@example.com", phone: "4155550101", first: "Ada", last: "Lovelace", country: "US" },
  { id: 2, email: "alan@example.com", phone: "4155550102", first: "Alan", last: "Turing", country: "GB" },
  { id: 3, email: "grace@example.com", phone: "4155550103", first: "Grace", last: "Hopper", country: "US" },
  {
    id: 4,
    email: "edsger@example.com",
    phone: "4155550104",
    first: "Edsger",
    last: "Dijkstra",
    country: "NL",
  },
  {
    id: 5,
    email: "barbara@example.com",
    phone: "4155550105",
    first: "Barbara",
    last: "Liskov",
    country: "US",
  },
];
const seedPhone = (p: Person) => `+1 ${p.phone.slice(0, 3)}-${p.phone.slice(3, 6)}-${p.phone.slice(6)}`;

const HUBSPOT_TOKEN = "pat-na1-cli00000-1111-2222-3333-444444444444";
const META_TOKEN = "EAAB-cli-system-user-token-5678";
const META_AUDIENCE = "23851234567890123";
const SALESFORCE = {
  clientId: "3MVG9cliConsumerKey.0123456789",
  clientSecret: "cli-consumer-secret-0a1b2c3d",
  refreshToken: "5Aep861cliRefreshToken.abcdefghij",
};

function projectFor(mocks: {
  hubspot: HubspotMock;
  salesforce: SalesforceMock;
  meta: MetaMock;
  google: GoogleAdsMock;
}) {
  const g = mocks.google.account;
  const csv = [
    "id,email,phone,first_name,last_name,country",
    ...PEOPLE.map((p) => `${p.id},${p.email},${seedPhone(p)},${p.first},${p.last},${p.country}`),
  ];
  return makeProject(
    { "seeds/people.csv": `${csv.join("\n")}\n` },
    `import { secret } from "cdp";
export default {
  name: "t",
  warehouse: { type: "duckdb", path: ".cdp/t.duckdb" },
  syncs: {
    people_hubspot: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: {
        type: "hubspot", accessToken: secret("HUBSPOT_ACCESS_TOKEN"),
        object: "contacts", idProperty: "cdp_id", baseUrl: ${JSON.stringify(mocks.hubspot.url)},
      },
      fields: { email: "email", firstname: "first_name", lastname: "last_name", phone: "phone" },
    },
    people_salesforce: {
      model: "people", primaryKey: "id", mode: "upsert",
      destination: {
        type: "salesforce", loginUrl: ${JSON.stringify(mocks.salesforce.url)},
        clientId: secret("SALESFORCE_CLIENT_ID"), clientSecret: secret("SALESFORCE_CLIENT_SECRET"),
        refreshToken: secret("SALESFORCE_REFRESH_TOKEN"),
        object: "Contact", externalIdField: "Cdp_Id__c",
      },
      fields: { Email: "email", FirstName: "first_name", LastName: "last_name" },
    },
    people_meta: {
      model: "people", primaryKey: "id", mode: "audience",
      destination: {
        type: "meta", accessToken: secret("META_ACCESS_TOKEN"), audienceId: "${META_AUDIENCE}",
        baseUrl: ${JSON.stringify(mocks.meta.baseUrl)}, defaultCountry: "US", rateLimit: 20,
      },
      fields: { EMAIL: "email", PHONE: "phone", FN: "first_name", LN: "last_name", COUNTRY: "country" },
    },
    people_google_ads: {
      model: "people", primaryKey: "id", mode: "audience",
      destination: {
        type: "google-ads", customerId: "${g.customerId}", userListId: "${g.userListId}",
        developerToken: secret("GOOGLE_ADS_DEVELOPER_TOKEN"), clientId: secret("GOOGLE_ADS_CLIENT_ID"),
        clientSecret: secret("GOOGLE_ADS_CLIENT_SECRET"), refreshToken: secret("GOOGLE_ADS_REFRESH_TOKEN"),
        consent: { adUserData: "GRANTED", adPersonalization: "GRANTED" }, defaultPhoneCountry: "US",
        apiVersion: "${g.apiVersion}", baseUrl: ${JSON.stringify(mocks.google.baseUrl)},
        tokenUrl: ${JSON.stringify(mocks.google.tokenUrl)}, pollInterval: 0.05,
      },
      fields: { email: "email", phone: "phone", first_name: "first_name", last_name: "last_name", country_code: "country" },
    },
  },
};
`,
  );
}

describe("cdp debug and cdp sync with HubSpot, Salesforce, Meta and Google Ads (CLI)", () => {
  let hubspot: HubspotMock;
  let salesforce: SalesforceMock;
  let meta: MetaMock;
  let google: GoogleAdsMock;
  let env: Record<string, string>;
  let secrets: string[];

  beforeAll(async () => {
    [hubspot, salesforce, meta, google] = await Promise.all([
      startHubspotMock({ token: HUBSPOT_TOKEN }),
      startSalesforceMock(SALESFORCE),
      startMetaMock({ token: META_TOKEN, audienceId: META_AUDIENCE }),
      startGoogleAdsMock(),
    ]);
    const g = google.account;
    env = {
      HUBSPOT_ACCESS_TOKEN: HUBSPOT_TOKEN,
      SALESFORCE_CLIENT_ID: SALESFORCE.clientId,
      SALESFORCE_CLIENT_SECRET: SALESFORCE.clientSecret,
      SALESFORCE_REFRESH_TOKEN: SALESFORCE.refreshToken,
      META_ACCESS_TOKEN: META_TOKEN,
      GOOGLE_ADS_DEVELOPER_TOKEN: g.developerToken,
      GOOGLE_ADS_CLIENT_ID: g.clientId,
      GOOGLE_ADS_CLIENT_SECRET: g.clientSecret,
      GOOGLE_ADS_REFRESH_TOKEN: g.refreshToken,
    };
    secrets = [
      HUBSPOT_TOKEN,
      SALESFORCE.clientSecret,
      SALESFORCE.refreshToken,
      META_TOKEN,
      g.developerToken,
      g.clientSecret,
      g.refreshToken,
    ];
  });
  afterAll(async () => {
    await Promise.all([hubspot?.close(), salesforce?.close(), meta?.close(), google?.close()]);
  });

  it("debug reports all four ready; sync delivers every row to each, then sends nothing", async () => {
    const dir = projectFor({ hubspot, salesforce, meta, google });
    const seeded = cdp(dir, ["seed"], env);
    expect(seeded.code, seeded.output).toBe(0);

    const ready = await cdpAsync(dir, ["debug"], env);
    expect(ready.code, ready.output).toBe(0);
    for (const [sync, type] of [
      ["people_hubspot", "hubspot"],
      ["people_salesforce", "salesforce"],
      ["people_meta", "meta"],
      ["people_google_ads", "google-ads"],
    ]) {
      expect(ready.stdout).toMatch(new RegExp(`ok\\s+${sync} → ${type}: ready`));
    }

    // One wrong token: that destination fails with what to do, the others stay ready.
    const wrongToken = "EAAB-not-the-right-token-31337";
    const wrong = await cdpAsync(dir, ["debug"], { ...env, META_ACCESS_TOKEN: wrongToken });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(
      new RegExp(
        `FAIL people_meta → meta: checking Meta audience ${META_AUDIENCE}: the Meta access token is expired, revoked or invalid: create a new system-user token`,
      ),
    );
    expect(wrong.stdout).toMatch(/ok\s+people_hubspot → hubspot: ready/);
    expect(wrong.stdout).toMatch(/ok\s+people_salesforce → salesforce: ready/);
    expect(wrong.stdout).toMatch(/ok\s+people_google_ads → google-ads: ready/);
    expect(wrong.stdout).toMatch(/1 check\(s\) failed/);
    expect(wrong.output).not.toContain(wrongToken);
    // Checks are not deliveries: nothing reached a destination.
    expect(hubspot.crm.records.contacts.size).toBe(0);
    expect(salesforce.contacts()).toHaveLength(0);
    expect(meta.members.size).toBe(0);
    expect(google.members.size).toBe(0);

    const first = await cdpAsync(dir, ["sync"], env);
    expect(first.code, first.output).toBe(0);

    // HubSpot: one contact per person, keyed by the unique cdp_id property.
    const contacts = hubspot.byProperty("contacts", "cdp_id");
    expect(contacts.size).toBe(PEOPLE.length);
    for (const p of PEOPLE) {
      expect(contacts.get(String(p.id))).toMatchObject({
        email: p.email,
        firstname: p.first,
        lastname: p.last,
        phone: seedPhone(p),
      });
    }
    // Salesforce: one Contact per person, by the External ID field.
    const sf = new Map(salesforce.contacts().map((c) => [String(c.Cdp_Id__c), c]));
    expect(sf.size).toBe(PEOPLE.length);
    for (const p of PEOPLE) {
      expect(sf.get(String(p.id))).toMatchObject({ Email: p.email, FirstName: p.first, LastName: p.last });
    }
    // Meta: one member per person, every value normalised and hashed as Meta asks.
    expect(new Set(meta.members.keys())).toEqual(
      new Set(
        PEOPLE.map((p) =>
          memberKey({
            EMAIL: sha(p.email),
            PHONE: sha(`1${p.phone}`),
            FN: sha(p.first.toLowerCase()),
            LN: sha(p.last.toLowerCase()),
            COUNTRY: sha(p.country.toLowerCase()),
          }),
        ),
      ),
    );
    // Google Ads: each person's hashed email and E.164 phone (no postal code: no address).
    expect(google.members).toEqual(
      new Set(PEOPLE.flatMap((p) => [`email:${sha(p.email)}`, `phone:${sha(`+1${p.phone}`)}`])),
    );

    // The results carry what Meta reported about the upload.
    const results = JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8"));
    const bySync = new Map(results.results.map((r: { sync: string }) => [r.sync, r]));
    for (const sync of ["people_hubspot", "people_salesforce", "people_meta", "people_google_ads"]) {
      expect(bySync.get(sync)).toMatchObject({ status: "success", delivered: PEOPLE.length, rejected: 0 });
    }
    expect(bySync.get("people_meta")).toMatchObject({
      // sync_results.json names every key in snake_case, the destination's report included.
      destination: {
        audience_id: META_AUDIENCE,
        add: { requests: 1, received: PEOPLE.length, invalid: 0 },
        remove: { requests: 0, received: 0, invalid: 0 },
        invalid_samples: 0,
        refused_before_sending: 0,
      },
    });

    // A second run has nothing to send: only the destinations' checks are called.
    const marks = {
      hubspot: hubspot.requests.length,
      salesforce: salesforce.upserts().length,
      meta: meta.requests.length,
      google: google.calls.length,
    };
    const second = await cdpAsync(dir, ["sync"], env);
    expect(second.code, second.output).toBe(0);
    const again = JSON.parse(readFileSync(path.join(dir, "target/sync_results.json"), "utf8"));
    for (const r of again.results)
      expect(r).toMatchObject({ status: "success", delivered: 0, counts: { planned: 0 } });
    expect(hubspot.requests.slice(marks.hubspot).every((r) => r.method === "GET")).toBe(true);
    expect(salesforce.upserts()).toHaveLength(marks.salesforce);
    expect(meta.requests).toHaveLength(marks.meta);
    expect(google.calls.slice(marks.google).some((c) => c.path.endsWith(":addOperations"))).toBe(false);

    // No credential on the terminal or in target/.
    for (const text of [
      ready.output,
      first.output,
      second.output,
      ...filesUnder(path.join(dir, "target")).map((f) => readFileSync(f, "utf8")),
    ]) {
      for (const s of secrets) expect(text).not.toContain(s);
    }
  }, 180_000);
});
