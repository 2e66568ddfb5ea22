import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { webhookDestinationSchema } from "../../connectors/webhook/config.ts";
import { webhookConnector } from "../../connectors/webhook/index.ts";
import { Redactor } from "../../src/config/secrets.ts";
import { createHttpClient } from "../../src/http/client.ts";
import { HttpError } from "../../src/http/errors.ts";
import { headerSecrets, redactUrl, urlSecrets } from "../../src/http/redact.ts";

/** Credentials inside URLs and headers are redacted wherever they show up, whole or in part. */
describe("redaction of URL and header credentials", () => {
  it("a secret URL with a query is redacted whole, not rewritten first and then missed", () => {
    const url = "https://hooks.example.com/in/tok_9f8e7d6c5b4a3921?api_key=qk_4a5b6c7d";
    const r = new Redactor();
    r.add(url);
    expect(redactUrl(url, r)).toBe("***");
    // Without a registered secret, user info goes and query values are masked.
    expect(redactUrl("https://u:pw@api.example.com/v1/x?limit=10&key=abc", new Redactor())).toBe(
      "https://api.example.com/v1/x?limit=***&key=***",
    );
  });

  it("the parts of a secret URL an API might echo: token-like segments, credential query values, user info", () => {
    const parts = urlSecrets(
      "https://bot:s3cr3t-pass@hooks.slack.example/services/T0123ABCD/B0456EFGH/xoxbAbCdEfGhIjKlMnOpQrSt?format=json&sig=deadbeef",
    );
    expect(parts).toEqual(
      expect.arrayContaining([
        "T0123ABCD",
        "B0456EFGH",
        "xoxbAbCdEfGhIjKlMnOpQrSt",
        "deadbeef",
        "s3cr3t-pass",
        "bot",
      ]),
    );
    // Words of the path and plain options are not credentials: redacting them would garble logs.
    for (const word of ["services", "json", "format"]) expect(parts).not.toContain(word);
  });

  it("header credentials with and without their scheme; Basic decoded", () => {
    const basic = `Basic ${Buffer.from("user:p4ssw0rd-xyz").toString("base64")}`;
    expect(
      headerSecrets({ Authorization: "Bearer at_0a1b2c3d4e5f", "X-Api-Key": "k_12345678", Accept: "json" }),
    ).toEqual(["Bearer at_0a1b2c3d4e5f", "at_0a1b2c3d4e5f", "k_12345678"]);
    expect(headerSecrets({ authorization: basic })).toContain("p4ssw0rd-xyz");
  });

  it("an API echoing the bare token and the URL's path in a 401: the client's error shows neither", async () => {
    const server = createServer((req, res) => {
      const token = String(req.headers.authorization).replace(/^Bearer /, "");
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ message: `token ${token} is not valid for ${req.url}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in/tok_9f8e7d6c5b4a3921?api_key=qk_4a5b6c7d`;
      const redactor = new Redactor();
      const config = webhookDestinationSchema.parse({
        type: "webhook",
        url,
        headers: { Authorization: "Bearer at_0a1b2c3d4e5f" },
      });
      const connector = webhookConnector(config, { projectDir: ".", redactor });
      const error = await connector.check().catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe("POST *** → 401: token *** is not valid for /in/***?api_key=***");

      // The client alone (any connector): the bare token of its Authorization header is known.
      const http = createHttpClient({
        name: "t",
        headers: { Authorization: "Bearer at_0a1b2c3d4e5f" },
        redactor: new Redactor(),
        maxAttempts: 1,
      });
      const direct = await http.request({ method: "GET", url: `${url.split("?")[0]}?x=1` }).catch((e) => e);
      expect(direct).toBeInstanceOf(HttpError);
      expect(direct.message).not.toContain("at_0a1b2c3d4e5f");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
