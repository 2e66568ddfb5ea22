/**
 * The hidden population behind every source file: who each person really is,
 * their emails, phones, devices and accounts. Sources only ever see messy
 * copies of these values; truth/records.csv maps each record back to a person.
 */
import { asciiFold, FIRST_NAMES, type FirstName, LAST_NAMES, type NameRegion } from "./names.ts";
import { e164, landlineNumber, mobileNumber, type Phone } from "./phones.ts";
import {
  CITIES,
  type City,
  COMPANIES,
  COUNTRY_WEIGHTS,
  type Company,
  type Country,
  EMAIL_PROVIDERS,
  NAME_REGIONS,
} from "./places.ts";
import { type Rng, unique } from "./random.ts";
import { DAY_MS, isoDate, randomTime, WINDOW_END, WINDOW_START } from "./time.ts";

export type Platform = "ios" | "android" | "web";

export interface Account {
  userId: string;
  email: string;
  platform: Platform;
  deviceId: string;
  signedUpAt: number;
}

export interface Person {
  id: string;
  first: FirstName;
  lastName: string;
  /** Whether this person folds umlauts as "ue" (true) or "u" (false) when typing ASCII. */
  germanFold: boolean;
  country: Country;
  city: City;
  postcode: string;
  dateOfBirth: string;
  phones: Phone[];
  personalEmail: string;
  altEmail?: string;
  workEmail?: string;
  company?: Company;
  firstSeen: number;
  /** Browsers (analytics anonymous ids) this person uses alone. */
  anonIds: string[];
  mobileOs: "ios" | "android";
  mobileDeviceId: string;
  /** Family computer and tablet shared with the rest of the household. */
  household?: { id: number; anonId: string; tabletId: string };
  /** A library / shop computer used by many unrelated people. */
  publicAnonId?: string;
  accounts: Account[];
  orderCount: number;
}

export function allEmails(person: Person): string[] {
  return [person.personalEmail, person.altEmail, person.workEmail].filter((e): e is string => !!e);
}

function fillTemplate(rng: Rng, template: string): string {
  return template.replace(/[#@]/g, (ch) =>
    ch === "#" ? String(rng.int(0, 9)) : rng.pick([..."ABDEFGHJLNPQRSTUWXYZ"]),
  );
}

function slug(text: string, germanFold: boolean): string {
  return asciiFold(text, germanFold)
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

function personalLocalPart(rng: Rng, first: string, last: string, nick: string, birthYear: string): string {
  return rng.weighted<string>([
    [`${first}.${last}`, 35],
    [`${first}${last}`, 15],
    [`${first.charAt(0)}${last}`, 12],
    [`${first}_${last}`, 6],
    [`${first}.${last}${rng.digits(2)}`, 10],
    [`${first}${birthYear.slice(2)}`, 7],
    [`${last}.${first}`, 5],
    [`${nick}${last.charAt(0)}${rng.digits(3)}`, 10],
  ]);
}

function emailAddress(rng: Rng, used: Set<string>, local: string, domain: string): string {
  return unique(used, () =>
    used.has(`${local}@${domain}`) ? `${local}${rng.int(2, 99)}@${domain}` : `${local}@${domain}`,
  );
}

interface Shared {
  rng: Rng;
  emails: Set<string>;
  phones: Set<string>;
  ids: Set<string>;
}

function uniquePhone(shared: Shared, make: () => Phone): Phone {
  for (;;) {
    const phone = make();
    if (!shared.phones.has(e164(phone))) {
      shared.phones.add(e164(phone));
      return phone;
    }
  }
}

function makeAccount(shared: Shared, p: Person, email: string, public_: boolean): Account {
  const { rng } = shared;
  const platform: Platform = rng.chance(0.4) ? "web" : p.mobileOs;
  let deviceId = p.mobileDeviceId;
  if (platform === "web") deviceId = public_ && p.publicAnonId ? p.publicAnonId : p.anonIds[0]!;
  else if (p.household && rng.chance(0.5)) deviceId = p.household.tabletId;
  const signedUpAt = randomTime(rng, p.firstSeen, Math.min(p.firstSeen + 120 * DAY_MS, WINDOW_END));
  const userId = unique(shared.ids, () => `usr_${rng.base36(10)}`);
  return { userId, email, platform, deviceId, signedUpAt };
}

function makePerson(shared: Shared, index: number, home?: Person): Person {
  const { rng } = shared;
  const country = home?.country ?? rng.weighted(COUNTRY_WEIGHTS);
  const region: NameRegion = rng.weighted(NAME_REGIONS[country]);
  const first = rng.pick(FIRST_NAMES[region]);
  const lastName = home && rng.chance(0.75) ? home.lastName : rng.pick(LAST_NAMES[region]);
  const city = home?.city ?? rng.pick(CITIES.filter((c) => c.country === country));
  const germanFold = rng.chance(0.6);
  const dob = randomTime(rng, Date.UTC(1950, 0, 1), Date.UTC(2006, 11, 31));
  const f = slug(first.name, germanFold);
  const l = slug(lastName, germanFold);
  const nick = slug(first.nicknames[0] ?? first.name, germanFold);
  const year = isoDate(dob).slice(0, 4);
  const providers = EMAIL_PROVIDERS[country];
  const personalEmail = emailAddress(
    rng,
    shared.emails,
    personalLocalPart(rng, f, l, nick, year),
    rng.weighted(providers),
  );
  const person: Person = {
    id: `P${String(index + 1).padStart(6, "0")}`,
    first,
    lastName,
    germanFold,
    country,
    city,
    postcode: home?.postcode ?? fillTemplate(rng, rng.pick(city.postcodes)),
    dateOfBirth: isoDate(dob),
    phones: [uniquePhone(shared, () => mobileNumber(rng, city))],
    personalEmail,
    firstSeen: randomTime(rng, WINDOW_START, WINDOW_END - 45 * DAY_MS),
    anonIds: Array.from(
      {
        length: rng.weighted([
          [1, 50],
          [2, 35],
          [3, 15],
        ] as const),
      },
      () => rng.uuid(),
    ),
    mobileOs: rng.chance(0.55) ? "ios" : "android",
    mobileDeviceId: "",
    accounts: [],
    orderCount: rng.weighted([
      [0, 35],
      [1, 20],
      [2, 15],
      [3, 10],
      [4, 7],
      [5, 5],
      [6, 4],
      [7, 2],
      [8, 2],
    ] as const),
  };
  person.mobileDeviceId = person.mobileOs === "ios" ? rng.uuid().toUpperCase() : rng.hex(16);
  if (rng.chance(0.2)) person.phones.push(uniquePhone(shared, () => landlineNumber(rng, city)));
  if (rng.chance(0.22)) {
    const local = personalLocalPart(rng, f, l, nick, year);
    person.altEmail = emailAddress(rng, shared.emails, local, rng.weighted(providers));
  }
  if (rng.chance(0.35)) {
    person.company = rng.pick(COMPANIES);
    const local = rng.chance(0.7) ? `${f}.${l}` : `${f.charAt(0)}${l}`;
    person.workEmail = emailAddress(rng, shared.emails, local, person.company.domain);
  }
  return person;
}

function assignAccounts(shared: Shared, person: Person): void {
  const { rng } = shared;
  const count = rng.weighted([
    [0, 45],
    [1, 51],
    [2, 4],
  ] as const);
  const candidates = allEmails(person);
  const firstEmail = rng.weighted<string>([
    [person.personalEmail, 75],
    [person.altEmail ?? person.personalEmail, 10],
    [person.workEmail ?? person.personalEmail, 15],
  ]);
  for (let i = 0; i < count; i++) {
    const others = candidates.filter((e) => e !== firstEmail);
    const email = i === 0 || others.length === 0 ? firstEmail : rng.pick(others);
    person.accounts.push(makeAccount(shared, person, email, i === 0 && rng.chance(0.3)));
  }
}

/** Library and shop computers: each used by a handful of people from one city. */
function assignPublicComputers(rng: Rng, people: Person[]): void {
  const count = Math.max(2, Math.round(people.length / 200));
  for (let i = 0; i < count; i++) {
    const city = rng.pick(CITIES);
    const locals = people.filter((p) => p.city === city && !p.publicAnonId);
    const anonId = rng.uuid();
    for (const p of rng.shuffle(locals).slice(0, rng.int(4, 12))) p.publicAnonId = anonId;
  }
}

/** Generates `count` people; about 10% live in households sharing a computer and a tablet. */
export function generatePeople(rng: Rng, count: number): Person[] {
  const shared: Shared = { rng, emails: new Set(), phones: new Set(), ids: new Set() };
  const people: Person[] = [];
  let household: { home: Person; left: number; id: number; anonId: string; tabletId: string } | undefined;
  let households = 0;
  for (let i = 0; i < count; i++) {
    const person = makePerson(shared, i, household?.home);
    if (household) {
      person.household = { id: household.id, anonId: household.anonId, tabletId: household.tabletId };
      household.left -= 1;
      if (household.left === 0) household = undefined;
    } else if (i < count - 1 && rng.chance(0.045)) {
      households += 1;
      const ids = { id: households, anonId: rng.uuid(), tabletId: rng.uuid().toUpperCase() };
      person.household = ids;
      household = { home: person, left: rng.int(1, 2), ...ids };
    }
    people.push(person);
  }
  assignPublicComputers(rng, people);
  for (const person of people) assignAccounts(shared, person);
  return people;
}
