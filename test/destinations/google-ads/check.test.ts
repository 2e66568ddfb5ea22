import { afterEach, describe, expect, it } from "vitest";
import { connectorFor, sha } from "./helpers.ts";
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
    const results = await connectorFor(mock).connector.write(
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
    const contact = await connectorFor(mock).connector.write(
      [{ key: "1", op: "add", fields: { third_party_user_id: "u-1", email: "a@example.com" } }],
      ctx,
    );
    expect(contact).toEqual([{ key: "1", status: "delivered" }]);
    expect([...mock.members]).toEqual([`email:${sha("a@example.com")}`]);
  });

  it("a removal without the fields last delivered is rejected, saying so", async () => {
    mock = await startGoogleAdsMock();
    const results = await connectorFor(mock).connector.write([{ key: "9", op: "remove", fields: {} }], ctx);
    expect(results).toEqual([
      {
        key: "9",
        status: "rejected",
        reason: "a removal needs the fields last delivered (email, phone...), and none came with it",
      },
    ]);
  });
});
