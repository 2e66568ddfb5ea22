import { describe, expect, it } from "vitest";
import { SHARED_DATA, sharedDataMissing } from "../../bench/match-datasets.ts";
import { type PersonRecord, personRecords } from "../../bench/person-generator.ts";

const missing = sharedDataMissing();

/** The share of records of which `test` holds, among those `among` selects. */
function share(
  records: PersonRecord[],
  test: (r: PersonRecord) => boolean,
  among = (_: PersonRecord) => true,
) {
  const pool = records.filter(among);
  return pool.filter(test).length / pool.length;
}

describe.skipIf(!!missing)("generated person records (the match benchmark's hard case)", () => {
  const options = { records: 20_000, seed: 7, sharedData: SHARED_DATA };
  const records = personRecords(options);
  // Each person's true values: the most common ones among their records.
  const truth = new Map<number, PersonRecord>();
  const byPerson = new Map<number, PersonRecord[]>();
  for (const r of records) byPerson.set(r.person, [...(byPerson.get(r.person) ?? []), r]);
  for (const [person, rs] of byPerson) {
    const mode = (pick: (r: PersonRecord) => string | null) => {
      const counts = new Map<string, number>();
      for (const r of rs) if (pick(r)) counts.set(pick(r)!, (counts.get(pick(r)!) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    };
    truth.set(person, {
      id: -1,
      person,
      first: mode((r) => r.first),
      last: mode((r) => r.last),
      dob: mode((r) => r.dob),
      city: mode((r) => r.city),
    });
  }
  const of = (r: PersonRecord) => truth.get(r.person)!;

  it("is the same for the same seed and another for another", () => {
    expect(personRecords(options)).toEqual(records);
    expect(personRecords({ ...options, seed: 8 })).not.toEqual(records);
  });

  it("writes the records asked for, 10-20 per person but the last, ids in order", () => {
    expect(records).toHaveLength(20_000);
    expect(records.map((r) => r.id)).toEqual(records.map((_, i) => i));
    const sizes = [...byPerson.values()].map((rs) => rs.length);
    expect(sizes.slice(0, -1).every((n) => n >= 10 && n <= 20)).toBe(true);
    expect(Math.max(...sizes)).toBe(20);
  });

  it("has fake_1000's errors at about its rates, and namesakes", () => {
    // Missing: names on 17-18% of records, towns on 19%, dates never.
    expect(share(records, (r) => r.first === null)).toBeCloseTo(0.17, 1);
    expect(share(records, (r) => r.city === null)).toBeCloseTo(0.19, 1);
    expect(records.every((r) => r.dob !== null)).toBe(true);
    // A date moved on about 35% of records, a first name different (swapped or mistyped) on
    // about a quarter of those that have one.
    expect(share(records, (r) => r.dob !== of(r).dob)).toBeCloseTo(0.35, 1);
    expect(
      share(
        records,
        (r) => r.first !== of(r).first,
        (r) => r.first !== null,
      ),
    ).toBeCloseTo(0.24, 1);
    // Swaps: a first name that is the person's surname.
    const swapped = share(records, (r) => r.first === of(r).last);
    expect(swapped).toBeGreaterThan(0.03);
    expect(swapped).toBeLessThan(0.08);
    // Different people with the same full name exist (the pools are skewed, as real names are).
    const names = new Map<string, number>();
    for (const t of truth.values())
      names.set(`${t.first} ${t.last}`, (names.get(`${t.first} ${t.last}`) ?? 0) + 1);
    expect([...names.values()].some((n) => n > 1)).toBe(true);
  });
});
