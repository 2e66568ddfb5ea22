import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../../../src/warehouse/types.ts";
import { duckdbTarget } from "../../conformance/targets.ts";
import {
  CREDENTIALS,
  connectorFor,
  expectContactsEqualModel,
  type Person,
  person,
  recordingSleep,
  setPeople,
  sync,
} from "./helpers.ts";
import { type SalesforceMock, startSalesforceMock } from "./mock-server.ts";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ids = (records: Record<string, unknown>[]) => records.map((r) => String(r.Cdp_Id__c)).sort();

describe("salesforce connector: the sync engine against a mock org", () => {
  let wh: Warehouse;
  let mock: SalesforceMock;
  beforeAll(async () => {
    wh = await duckdbTarget.open("main");
  });
  afterAll(() => wh.close());
  afterEach(() => mock?.close());

  it("sends everything first, then only the changes, then deletes what left the model (mirror)", async () => {
    mock = await startSalesforceMock(CREDENTIALS);
    const people = range(1, 450).map((i) => person(i));
    await setPeople(wh, "p_flow", people);
    const connector = connectorFor(mock);

    const first = await sync(wh, "p_flow", connector);
    expect(first).toMatchObject({ status: "success", delivered: 450, rejected: 0, failed: 0 });
    const batches = mock.upserts();
    expect(batches.map((b) => b.records.length)).toEqual([200, 200, 50]);
    for (const b of batches) {
      expect(b.allOrNone).toBe(false);
      for (const r of b.records) expect(r.attributes).toEqual({ type: "Contact" });
    }
    await expectContactsEqualModel(wh, "p_flow", mock);
    expect(mock.contacts().find((c) => c.Cdp_Id__c === "7")).toMatchObject({
      Score__c: 7.5,
      Tier__c: "silver",
    });

    // Three changed, two added: exactly those five are sent.
    const changed = people.map(
      (p): Person => ([5, 50, 300].includes(p.id) ? { ...p, email: `new${p.id}@example.com` } : p),
    );
    changed.push(person(451), person(452));
    await setPeople(wh, "p_flow", changed);
    const before = mock.upserts().length;
    const second = await sync(wh, "p_flow", connector);
    expect(second.counts).toMatchObject({ added: 2, changed: 3, removed: 0, planned: 5 });
    const sent = mock.upserts().slice(before);
    expect(sent).toHaveLength(1);
    expect(ids(sent[0]!.records)).toEqual(["300", "451", "452", "5", "50"]);
    await expectContactsEqualModel(wh, "p_flow", mock);

    // Four rows leave the model: resolved to record ids by SOQL, then deleted.
    const logged = mock.log.length;
    await setPeople(
      wh,
      "p_flow",
      changed.filter((p) => ![2, 3, 400, 451].includes(p.id)),
    );
    const third = await sync(wh, "p_flow", connector);
    expect(third).toMatchObject({ status: "success", delivered: 4 });
    expect(third.counts.removed).toBe(4);
    const calls = mock.log.slice(logged).filter((r) => r.path.startsWith("/services/data/"));
    expect(calls.map((c) => `${c.method} ${c.path.replace(/^\/services\/data\/v62\.0/, "")}`)).toEqual([
      "GET /query",
      "DELETE /composite/sobjects",
    ]);
    const soql = /^SELECT Id, Cdp_Id__c FROM Contact WHERE Cdp_Id__c IN \((.*)\)$/.exec(
      calls[0]!.query.get("q")!,
    );
    expect(soql?.[1]?.split(", ").sort()).toEqual(["'2'", "'3'", "'400'", "'451'"]);
    expect(calls[1]!.query.get("ids")!.split(",")).toHaveLength(4);
    expect(calls[1]!.query.get("allOrNone")).toBe("false");
    await expectContactsEqualModel(wh, "p_flow", mock);
    // One token for all three runs: fetched once, lazily.
    expect(mock.tokenRequests).toBe(1);
  });
});
