import { describe, expect, it } from "vitest";
import { z } from "zod";
import { env, redactor, resolveSecrets, secret } from "../../src/config/secrets.ts";
import { variableField } from "../../src/connector-kit/secret-field.ts";

/** `env()`: a setting from the environment that is not a credential. */
describe("env() settings", () => {
  it("resolves like a secret, deferred under syncs when unset, and is never redacted", () => {
    const config = {
      syncs: { s: { destination: { audienceId: env("T_AUDIENCE"), accessToken: secret("T_TOKEN") } } },
    };
    const unset = resolveSecrets(config, {}, (path) => path[0] === "syncs");
    expect(unset.deferred.map((m) => m.envVar)).toEqual(["T_AUDIENCE", "T_TOKEN"]);
    const set = resolveSecrets(config, { T_AUDIENCE: "23851234567890123", T_TOKEN: "tok-secret-value" });
    expect((set.value as typeof config).syncs.s.destination.audienceId).toBe("23851234567890123");
    // The loader registers resolved secrets with the redactor; an env() value stays readable.
    expect(redactor.redact("audience 23851234567890123, token tok-secret-value")).toBe(
      `audience 23851234567890123, token ${redactor.redact("tok-secret-value")}`,
    );
    expect(redactor.redact("tok-secret-value")).not.toContain("tok-secret-value");
  });

  it("a variableField takes an unresolved reference, or a value checked with the field's own message", () => {
    const field = variableField(z.string().regex(/^\d+$/, "audienceId must be the audience's numeric id"));
    expect(field.parse({ $secret: "X", plain: true })).toEqual({ $secret: "X", plain: true });
    expect(field.parse("123")).toBe("123");
    const bad = field.safeParse("abc");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("audienceId must be the audience's numeric id");
  });
});
