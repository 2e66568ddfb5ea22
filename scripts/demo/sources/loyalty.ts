/**
 * raw_loyalty_members: the in-store loyalty programme, filled in on paper or at
 * the till. One full_name column in several layouts, a date of birth (with the
 * classic 1900-01-01 placeholder and day/month swaps), tier and points.
 */

import { maybeJunkEmail, messyEmail, messyPostcode } from "../messy.ts";
import type { Person } from "../people.ts";
import { formatPhone, JUNK_PHONES } from "../phones.ts";
import { type Rng, unique } from "../random.ts";
import { fullNameAs } from "../spelling.ts";
import { type SeedTable, TableBuilder } from "../table.ts";
import { isoDate, randomTime, WINDOW_END } from "../time.ts";

const NAME_STYLE = { nickname: 0.06, typo: 0.05, casing: 0.03, spacing: 0.03 };
const NAME_LAYOUTS = [
  ["first_last", 70],
  ["LAST_first", 8],
  ["last_first", 4],
  ["middle", 8],
  ["lower", 6],
] as const;

function dateOfBirth(rng: Rng, dob: string): string {
  const roll = rng.next();
  if (roll < 0.12) return "";
  if (roll < 0.15) return "1900-01-01";
  const [year, month, day] = dob.split("-") as [string, string, string];
  if (roll < 0.18 && Number(day) <= 12 && day !== month) return `${year}-${day}-${month}`;
  return dob;
}

function tier(rng: Rng, points: number): string {
  const name = points < 1000 ? "bronze" : points < 5000 ? "silver" : points < 15_000 ? "gold" : "platinum";
  return rng.chance(0.1) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

export function loyaltyMembers(rng: Rng, people: Person[]): SeedTable {
  const table = new TableBuilder("raw_loyalty_members", "member_id", [
    "member_id",
    "full_name",
    "date_of_birth",
    "email",
    "phone",
    "postcode",
    "tier",
    "points",
    "joined_at",
  ]);
  for (const person of people) {
    const count = rng.weighted([
      [0, 70],
      [1, 28],
      [2, 2],
    ] as const);
    const emails = rng.shuffle([
      person.personalEmail,
      person.altEmail ?? person.workEmail ?? person.personalEmail,
    ]);
    for (let i = 0; i < count; i++) {
      const joined = randomTime(rng, person.firstSeen, WINDOW_END);
      const points = rng.skewed(0, 25_000, 2.5);
      const phone = person.phones[rng.chance(0.85) ? 0 : person.phones.length - 1]!;
      const emailRoll = rng.next();
      table.add(joined, person.id, {
        full_name: fullNameAs(rng, person, NAME_STYLE, NAME_LAYOUTS),
        date_of_birth: dateOfBirth(rng, person.dateOfBirth),
        email: emailRoll < 0.82 ? maybeJunkEmail(rng, messyEmail(rng, emails[i % 2]!), 0.07) : "",
        phone: rng.chance(0.03) ? rng.pick(JUNK_PHONES) : rng.chance(0.78) ? formatPhone(rng, phone) : "",
        postcode: rng.chance(0.9) ? messyPostcode(rng, person.postcode) : "",
        tier: tier(rng, points),
        points: String(points),
        joined_at: isoDate(joined),
      });
    }
  }
  const ids = new Set<string>();
  return table.build(() => unique(ids, () => `LY${rng.int(10_000_000, 99_999_999)}`));
}
