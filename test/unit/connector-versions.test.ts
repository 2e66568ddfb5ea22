import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CONNECTORS } from "../../connectors/index.ts";
import { daysToSunset, findVersion, versionWarning } from "../../src/connector-kit/api-versions.ts";

/**
 * Every connector with a versioned API declares its versions (release, sunset, source) and
 * defaults to one of them that is not past its sunset today. When a vendor's sunset passes, this
 * test fails until the default moves on: a stale default is found here, not by a user's run.
 */
const versioned = CONNECTORS.filter((c) => c.versions);

describe("API version tables", () => {
  it("every destination that calls a versioned API declares its versions", () => {
    expect(versioned.map((c) => c.type).sort()).toEqual(["google-ads", "hubspot", "meta", "salesforce"]);
  });

  it.each(versioned.map((c) => [c.type, c] as const))(
    "%s: its default is listed and not past its sunset today",
    (_, c) => {
      const table = c.versions!;
      const entry = findVersion(table, table.default);
      expect(entry).toBeDefined();
      const days = daysToSunset(entry!, new Date());
      if (days !== undefined) expect(days).toBeGreaterThan(0);
    },
  );

  it.each(versioned.map((c) => [c.type, c] as const))(
    "%s: the config's apiVersion defaults to the table's default",
    (_, c) => {
      const shape = (c.schema as unknown as z.ZodObject<Record<string, z.ZodType>>).shape;
      expect(shape.apiVersion!.parse(undefined)).toBe(c.versions!.default);
    },
  );

  it.each(versioned.map((c) => [c.type, c] as const))(
    "%s: every date is a real YYYY-MM-DD and every entry has a source",
    (_, c) => {
      for (const v of c.versions!.versions) {
        expect(v.source).toMatch(/^https:\/\//);
        for (const d of [v.released, v.sunset])
          if (d !== null) expect(Number.isNaN(Date.parse(`${d}T00:00:00Z`))).toBe(false);
        // A date we could not verify is null with a note saying so.
        if (v.released === null || v.sunset === null) expect(v.note ?? "").not.toBe("");
      }
    },
  );
});

describe("versionWarning", () => {
  const table = {
    default: "v3",
    versions: [
      { version: "v3", released: "2026-01-01", sunset: null, source: "https://x" },
      { version: "v2", released: "2025-01-01", sunset: "2027-03-01", source: "https://x/v2" },
      { version: "v1", released: "2024-01-01", sunset: "2026-12-01", source: "https://x/v1" },
    ],
  };
  const on = new Date("2026-12-06T12:00:00Z");

  it("says nothing for a version with no sunset or one more than 90 days away", () => {
    expect(versionWarning("acme", table, "v3", "destination.apiVersion", on)).toBeUndefined();
    expect(
      versionWarning("acme", table, "v2", "destination.apiVersion", new Date("2026-11-30T00:00:00Z")),
    ).toBeUndefined();
  });

  it("warns within 90 days, naming the date, the source and the fix", () => {
    expect(versionWarning("acme", table, "v2", "destination.apiVersion", on)).toBe(
      'acme API version v2 is sunset on 2027-03-01, in 85 days (https://x/v2): set destination.apiVersion to "v3" (or leave it unset for the default)',
    );
  });

  it("past the sunset, says requests fail; an unknown version is named too", () => {
    expect(versionWarning("acme", table, "v1", "destination.apiVersion", on)).toContain(
      "was sunset on 2026-12-01",
    );
    expect(versionWarning("acme", table, "v9", "destination.apiVersion", on)).toContain(
      "not one this connector was checked against",
    );
  });
});
