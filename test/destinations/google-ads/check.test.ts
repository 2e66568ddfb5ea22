import { afterEach, describe, expect, it } from "vitest";
import { BatchError } from "../../../src/connector-kit/connector.ts";
import { connectorFor, sentOperations, sha, writeAndSettle } from "./helpers.ts";
import { type GoogleAdsMock, startGoogleAdsMock } from "./mock-server.ts";

describe("google-ads check() and list kinds", () => {
  let mock: GoogleAdsMock;
  afterEach(() => mock.close());
  const ctx = { sync: "s", runId: "r" };

  it("makes one call, with the login-customer-id header when access goes through a manager", async () => {
    mock = await startGoogleAdsMock({ loginCustomerId: "1112223333" });
    await connectorFor(mock).connector.check();
    expect(mock.calls.map((c) => [c.path, c.status])).toEqual([
      ["/v26/customers/1234567890/googleAds:search", 200],
    ]);
  });

  it("without the manager's id: one message saying to set loginCustomerId", async () => {
    mock = await startGoogleAdsMock({ loginCustomerId: "1112223333" });
    const { connector } = connectorFor(mock);
    // The helper passes the mock's loginCustomerId; a config without it is what users get wrong.
    const { connector: without } = connectorFor({
      ...mock,
      account: { ...mock.account, loginCustomerId: undefined },
    });
    await expect(without.check()).rejects.toThrow(
      /403 PERMISSION_DENIED: USER_PERMISSION_DENIED: .*set loginCustomerId to the manager account/,
    );
    await expect(connector.check()).resolves.toBeUndefined();
  });

  it("refuses a list that is not a Customer Match list, a closed list, a missing list", async () => {
    mock = await startGoogleAdsMock({ listType: "RULE_BASED" });
    await expect(connectorFor(mock).connector.check()).rejects.toThrow(
      'google-ads: user list 7654321 of customer 1234567890 ("Mock customer list") is a RULE_BASED list, not a Customer Match list (CRM_BASED): create a customer list and use its id',
    );
    await mock.close();
    mock = await startGoogleAdsMock({ membershipStatus: "CLOSED" });
    await expect(connectorFor(mock).connector.check()).rejects.toThrow(
      /is closed: Google adds no members to it/,
    );
    await mock.close();
    mock = await startGoogleAdsMock();
    await expect(connectorFor(mock, { userListId: "42" }).connector.check()).rejects.toThrow(
      /user list 42 of customer 1234567890 does not exist/,
    );
  });

  it("a CRM_ID list receives user ids in clear; a CONTACT_INFO list never does", async () => {
    mock = await startGoogleAdsMock({ uploadKeyType: "CRM_ID" });
    const results = await writeAndSettle(
      connectorFor(mock).connector,
      [
        { key: "1", op: "add", fields: { third_party_user_id: "u-1", email: "a@example.com" } },
        { key: "2", op: "add", fields: { email: "b@example.com" } },
      ],
      ctx,
    );
    expect(results).toEqual([
      { key: "1", status: "delivered" },
      {
        key: "2",
        status: "rejected",
        reason: expect.stringContaining('the list takes user ids: map one to "third_party_user_id"'),
      },
    ]);
    expect([...mock.members]).toEqual(["user:u-1"]);
    await mock.close();
    mock = await startGoogleAdsMock();
    const contact = await writeAndSettle(
      connectorFor(mock).connector,
      [{ key: "1", op: "add", fields: { third_party_user_id: "u-1", email: "a@example.com" } }],
      ctx,
    );
    expect(contact).toEqual([{ key: "1", status: "delivered" }]);
    expect([...mock.members]).toEqual([`email:${sha("a@example.com")}`]);
  });

  it("a job of several requests: refused operations map back to their rows in each request", async () => {
    const refused = new Set(["p2@example.com", "p100001@example.com", "p100004@example.com"].map(sha));
    mock = await startGoogleAdsMock(
      {},
      {
        rejectIdentifier: (v) =>
          refused.has(v) ? { code: "INVALID_SHA256_FORMAT", message: "No." } : undefined,
      },
    );
    // Requests are filled to Google's ceiling of 100,000 operations: 100,005 rows make two.
    const batch = Array.from({ length: 100_005 }, (_, i) => ({
      key: String(i),
      op: "add" as const,
      fields: { email: `p${i}@example.com` },
    }));
    const results = await writeAndSettle(connectorFor(mock, { batchSize: 100_000 }).connector, batch, ctx);
    const adds = mock.calls.filter((c) => c.path.endsWith(":addOperations"));
    expect(adds.map((c) => (c.body.operations as unknown[]).length)).toEqual([100_000, 5]);
    expect(results.filter((r) => r.status === "rejected").map((r) => r.key)).toEqual([
      "2",
      "100001",
      "100004",
    ]);
    expect(results.filter((r) => r.status === "delivered")).toHaveLength(100_002);
    expect(mock.members.size).toBe(100_002);
    expect(mock.members.has(`email:${sha("p100003@example.com")}`)).toBe(true);
  });

  it("a removal without the fields last delivered is rejected, saying so", async () => {
    mock = await startGoogleAdsMock();
    const results = await writeAndSettle(
      connectorFor(mock).connector,
      [{ key: "9", op: "remove", fields: {} }],
      ctx,
    );
    expect(results).toEqual([
      {
        key: "9",
        status: "rejected",
        reason: "a removal needs the fields last delivered (email, phone...), and none came with it",
      },
    ]);
  });

  it("a changed member whose old email Google refuses to remove is still updated; the report says so", async () => {
    const old = sha("old@example.com");
    mock = await startGoogleAdsMock(
      {},
      {
        rejectIdentifier: (v) => (v === old ? { code: "INVALID_SHA256_FORMAT", message: "No." } : undefined),
      },
    );
    const { connector } = connectorFor(mock);
    const results = await writeAndSettle(
      connector,
      [
        {
          key: "1",
          op: "add",
          fields: { email: "new@example.com", phone: "+14155550123" },
          previous: { email: "old@example.com", phone: "+14155550123" },
        },
      ],
      ctx,
    );
    expect(results).toEqual([{ key: "1", status: "delivered" }]);
    // Only the old email was sent for removal (the phone did not change), before the add.
    const sent = sentOperations(mock);
    expect(sent).toEqual([
      { kind: "remove", identifiers: [{ hashedEmail: old }] },
      {
        kind: "create",
        identifiers: [{ hashedEmail: sha("new@example.com") }, { hashedPhoneNumber: sha("+14155550123") }],
      },
    ]);
    expect([...mock.members].sort()).toEqual(
      [`email:${sha("new@example.com")}`, `phone:${sha("+14155550123")}`].sort(),
    );
    expect(connector.report()).toMatchObject({
      staleRemoved: 0,
      staleRefused: 1,
      operations: {
        remove: { sent: 1, accepted: 0, refused: 1 },
        create: { sent: 1, accepted: 1, refused: 0 },
      },
      jobs: { remove: { created: 1, succeeded: 0 }, create: { created: 1, succeeded: 1 } },
    });
  });

  it("after a refusal no batch can get past, later writes fail the same way without a call", async () => {
    mock = await startGoogleAdsMock({ allowlisted: false });
    const { connector } = connectorFor(mock);
    await connector.check();
    const batch = [{ key: "1", op: "add" as const, fields: { email: "a@example.com" } }];
    const first = await writeAndSettle(connector, batch, ctx).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(BatchError);
    expect(first).toMatchObject({ fatal: true, retryable: false });
    expect((first as BatchError).message).toContain("CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE");
    const calls = mock.calls.length;
    await expect(connector.write(batch, ctx)).rejects.toBe(first);
    expect(mock.calls).toHaveLength(calls);
  });
});
