/**
 * raw_crm_contacts: a marketing/sales CRM export. Most people have one contact,
 * some have a duplicate created later from another address; contacts carry a
 * free-text country, company names as typed, and role addresses shared by
 * colleagues (info@company).
 */

import { junkToken, maybeJunkEmail, messyEmail, messyPostcode } from "../messy.ts";
import type { Person } from "../people.ts";
import { formatPhone, JUNK_PHONES } from "../phones.ts";
import { COUNTRY_SPELLINGS } from "../places.ts";
import type { Rng } from "../random.ts";
import { firstNameAs, lastNameAs } from "../spelling.ts";
import { type SeedTable, TableBuilder } from "../table.ts";
import { DAY_MS, randomTime, sqlTimestamp, WINDOW_END } from "../time.ts";

const NAME_STYLE = { nickname: 0.1, typo: 0.04, casing: 0.05, spacing: 0.03 };

function contactEmail(rng: Rng, person: Person, duplicate: boolean): string {
  const company = person.company;
  if (company && rng.chance(0.04))
    return `${rng.pick(["info", "office", "sales", "contact"])}@${company.domain}`;
  const email = duplicate
    ? rng.pick([person.altEmail, person.workEmail, person.personalEmail].filter((e): e is string => !!e))
    : rng.weighted<string>([
        [person.personalEmail, 65],
        [person.workEmail ?? person.personalEmail, 30],
        [person.altEmail ?? person.personalEmail, 5],
      ]);
  return maybeJunkEmail(rng, messyEmail(rng, email), 0.05);
}

function lifecycle(rng: Rng, person: Person): string {
  const stage =
    person.orderCount > 0
      ? rng.weighted<string>([
          ["customer", 80],
          ["churned", 20],
        ])
      : rng.weighted<string>([
          ["subscriber", 35],
          ["lead", 45],
          ["opportunity", 12],
          ["other", 8],
        ]);
  return rng.chance(0.05) ? stage.charAt(0).toUpperCase() + stage.slice(1) : stage;
}

export function crmContacts(rng: Rng, people: Person[]): SeedTable {
  const table = new TableBuilder("raw_crm_contacts", "contact_id", [
    "contact_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "company",
    "city",
    "postcode",
    "country",
    "created_at",
    "updated_at",
    "lifecycle_stage",
    "opted_in",
  ]);
  for (const person of people) {
    const count = rng.weighted([
      [0, 20],
      [1, 72],
      [2, 8],
    ] as const);
    for (let i = 0; i < count; i++) {
      const created = randomTime(
        rng,
        person.firstSeen,
        Math.min(person.firstSeen + 200 * DAY_MS, WINDOW_END),
      );
      const updated = randomTime(rng, created, WINDOW_END);
      const phone = person.phones[rng.chance(0.8) ? 0 : person.phones.length - 1]!;
      const city = person.city;
      const company = person.company;
      table.add(created, person.id, {
        first_name: firstNameAs(rng, person, NAME_STYLE),
        last_name: lastNameAs(rng, person, NAME_STYLE),
        email: contactEmail(rng, person, i > 0),
        phone: rng.chance(0.03) ? rng.pick(JUNK_PHONES) : rng.chance(0.6) ? formatPhone(rng, phone) : "",
        company:
          company && rng.chance(0.85)
            ? rng.pick([company.name, ...company.variants])
            : rng.chance(0.03)
              ? junkToken(rng, 0)
              : "",
        city: rng.weighted<string>([
          [city.name, 70],
          [rng.pick(city.aliases), 22],
          ["", 5],
          [junkToken(rng, 0), 3],
        ]),
        postcode: rng.chance(0.92) ? messyPostcode(rng, person.postcode) : "",
        country: rng.chance(0.95) ? rng.pick(COUNTRY_SPELLINGS[person.country]) : "",
        updated_at: sqlTimestamp(updated),
        created_at: sqlTimestamp(created),
        lifecycle_stage: lifecycle(rng, person),
        opted_in: rng.chance(0.6) ? "true" : "false",
      });
    }
  }
  let next = 100_000;
  return table.build(() => {
    next += rng.int(1, 7);
    return String(next);
  });
}
