import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Rng } from "../scripts/demo/random.ts";

/**
 * Synthetic person records of the kind of Splink's `fake_1000.csv`, at any size: many records per
 * person, each a copy of the person's true values with the errors such data carries, and no
 * e-mail, phone or national id. Seeded: the same seed and size give the same file.
 *
 * The values are real ones: the clean first names, surnames and towns of the two public labelled
 * data sets (each fake_1000 person's most common value, each Febrl original record's), drawn as
 * often as they occur there, so common names (Oliver, Smith, London) are common here too and
 * people share names (the namesakes a match must keep apart). Dates of birth are uniform over
 * 1930-2019.
 *
 * The error rates are fake_1000's, measured against each person's most common value (persons with
 * three records or more): a name missing on 17-18% of records and different on 23-27% (of those, a
 * quarter are first name and surname swapped, the rest typos: a letter dropped, doubled, changed or
 * two letters transposed, sometimes two such edits, a shortened name, lower case); a date of birth
 * never missing and different on 35% of records, moved by about a day, a month, a year or ten
 * years, or by two of these at once; a town missing on 19% and different on 20% (mostly typos, a few moves).
 */
export interface PersonRecordsOptions {
  records: number;
  seed?: number;
  /** Records per person, drawn uniformly from this range (inclusive). */
  perPerson?: [number, number];
  /** Where the public labelled data sets are (the value pools). */
  sharedData: string;
}

interface Pools {
  first: string[];
  last: string[];
  city: string[];
}

/** Writes the records as CSV in fake_1000's columns (email always empty); returns the row count. */
export function writePersonRecords(file: string, options: PersonRecordsOptions): number {
  const rows = personRecords(options);
  const cell = (v: string | null) => v ?? "";
  writeFileSync(
    file,
    `unique_id,first_name,surname,dob,city,email,cluster\n${rows
      .map((r) => [r.id, cell(r.first), cell(r.last), cell(r.dob), cell(r.city), "", r.person].join(","))
      .join("\n")}\n`,
  );
  return rows.length;
}

export interface PersonRecord {
  id: number;
  person: number;
  first: string | null;
  last: string | null;
  dob: string | null;
  city: string | null;
}

export function personRecords(options: PersonRecordsOptions): PersonRecord[] {
  const rng = new Rng(options.seed ?? 1);
  const random = () => rng.next();
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const pools = readPools(options.sharedData);
  const [lo, hi] = options.perPerson ?? [10, 20];
  const out: PersonRecord[] = [];
  for (let person = 0; out.length < options.records; person++) {
    const first = pick(pools.first);
    const last = pick(pools.last);
    const dob = new Date(Date.UTC(1930, 0, 1) + Math.floor(random() * 90 * 365.25) * 86_400_000);
    const city = pick(pools.city);
    const n = Math.min(lo + Math.floor(random() * (hi - lo + 1)), options.records - out.length);
    for (let k = 0; k < n; k++) {
      let f: string | null = first;
      let l: string | null = last;
      // A swap is of both fields (the form filled in the wrong order), a typo of one.
      if (random() < 0.06) [f, l] = [l, f];
      out.push({
        id: out.length,
        person,
        first: random() < 0.17 ? null : random() < 0.2 ? typo(f, random, pick) : f,
        last: random() < 0.18 ? null : random() < 0.2 ? typo(l, random, pick) : l,
        dob: random() < 0.35 ? isoDate(shiftDate(dob, random, pick)) : isoDate(dob),
        city:
          random() < 0.19
            ? null
            : random() < 0.2
              ? random() < 0.15
                ? pick(pools.city)
                : typo(city, random, pick)
              : city,
      });
    }
  }
  return out;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** One or two keying errors, a shortened name or lower case. */
function typo(value: string, random: () => number, pick: <T>(xs: T[]) => T): string {
  const r = random();
  if (r < 0.08) return value.slice(0, Math.max(3, Math.ceil(value.length / 2)));
  if (r < 0.12) return value.toLowerCase();
  let v = value;
  const edits = r < 0.8 ? 1 : 2;
  for (let e = 0; e < edits && v.length > 1; e++) {
    const i = Math.floor(random() * v.length);
    const kind = pick(["drop", "double", "change", "transpose", "insert"] as const);
    if (kind === "drop") v = v.slice(0, i) + v.slice(i + 1);
    else if (kind === "double") v = v.slice(0, i + 1) + v[i] + v.slice(i + 1);
    else if (kind === "change") v = v.slice(0, i) + pick([...LETTERS]) + v.slice(i + 1);
    else if (kind === "insert") v = v.slice(0, i) + pick([...LETTERS]) + v.slice(i);
    else if (i + 1 < v.length) v = v.slice(0, i) + v[i + 1] + v[i] + v.slice(i + 2);
  }
  return v;
}

/**
 * Moved by a number of days, as fake_1000's dates are: about a day, a month, a year or ten years
 * either way, or two of these at once; so a move of a month changes the day and, across a
 * year's end, the year too (2004-11-27 / 2004-12-26, 1999-01-14 / 1998-12-15).
 */
function shiftDate(d: Date, random: () => number, pick: <T>(xs: T[]) => T): Date {
  let days = 0;
  const moves = random() < 0.5 ? 1 : 2;
  for (let k = 0; k < moves; k++) {
    const sign = random() < 0.5 ? -1 : 1;
    const [base, spread] = pick([
      [1, 1],
      [30, 2],
      [365, 1],
      [3652, 30],
    ] as const);
    days += sign * (base + Math.floor(random() * (spread + 1)));
  }
  return new Date(d.getTime() + (days || 1) * 86_400_000);
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Each fake_1000 person's most common value and each Febrl original's, as often as they occur. */
function readPools(sharedData: string): Pools {
  const pools: Pools = { first: [], last: [], city: [] };
  const fake = csvRows(path.join(sharedData, "splink/fake_1000.csv"));
  const byPerson = new Map<string, Record<string, string>[]>();
  for (const r of fake) byPerson.set(r.cluster!, [...(byPerson.get(r.cluster!) ?? []), r]);
  for (const records of byPerson.values()) {
    const add = (pool: string[], column: string) => {
      // A value on at least two of the person's records: one on a single record may be a typo.
      const v = mostCommon(records.map((r) => r[column]!));
      if (v && records.filter((r) => r[column] === v).length >= 2) pool.push(v);
    };
    add(pools.first, "first_name");
    add(pools.last, "surname");
    add(pools.city, "city");
  }
  // A person's most common first name is now and then their surname (swapped on most of their
  // records) and the other way round: such a value stays out of the pool it is rarer in.
  const count = (pool: string[]) => {
    const m = new Map<string, number>();
    for (const v of pool) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const [firstCounts, lastCounts] = [count(pools.first), count(pools.last)];
  pools.first = pools.first.filter((v) => (firstCounts.get(v) ?? 0) > (lastCounts.get(v) ?? 0));
  pools.last = pools.last.filter((v) => (lastCounts.get(v) ?? 0) > (firstCounts.get(v) ?? 0));
  const title = (v: string) =>
    v.replace(/(^|[\s-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
  for (const r of csvRows(path.join(sharedData, "febrl/dataset1.csv"))) {
    if (!r.rec_id!.endsWith("-org")) continue;
    if (r.given_name) pools.first.push(title(r.given_name));
    if (r.surname) pools.last.push(title(r.surname));
    if (r.suburb) pools.city.push(title(r.suburb));
  }
  return pools;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (!best || n > counts.get(best)!) best = v;
  return best;
}

/** The two files have no quoted fields; Febrl's header and cells carry spaces after the commas. */
function csvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8").split("\n").filter(Boolean);
  const names = header!.split(",").map((h) => h.trim());
  return lines.map((line) => {
    const cells = line.split(",").map((c) => c.trim());
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ""]));
  });
}
