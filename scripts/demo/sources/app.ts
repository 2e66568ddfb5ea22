/**
 * raw_app_signups: the account service. One row per account created (mobile
 * apps or the website). device_id is the phone's vendor id, or for web
 * sign-ups the browser's analytics anonymous_id; family tablets are shared.
 */

import { maybeJunkEmail, messyEmail } from "../messy.ts";
import type { Person } from "../people.ts";
import { formatPhone, JUNK_PHONES } from "../phones.ts";
import { type Rng, unique } from "../random.ts";
import { firstNameAs, lastNameAs } from "../spelling.ts";
import { type SeedTable, TableBuilder } from "../table.ts";
import { isoSeconds } from "../time.ts";

const NAME_STYLE = { nickname: 0.12, typo: 0.04, casing: 0.1, spacing: 0.04 };

export function appSignups(rng: Rng, people: Person[]): SeedTable {
  const table = new TableBuilder("raw_app_signups", "signup_id", [
    "signup_id",
    "user_id",
    "email",
    "phone",
    "first_name",
    "last_name",
    "device_id",
    "platform",
    "signed_up_at",
  ]);
  for (const person of people) {
    for (const account of person.accounts) {
      const phone = person.phones[0]!;
      table.add(account.signedUpAt, person.id, {
        user_id: account.userId,
        email: maybeJunkEmail(rng, messyEmail(rng, account.email), 0.01),
        phone: rng.chance(0.03) ? rng.pick(JUNK_PHONES) : rng.chance(0.7) ? formatPhone(rng, phone) : "",
        first_name: rng.chance(0.05) ? "" : firstNameAs(rng, person, NAME_STYLE),
        last_name: rng.chance(0.1) ? "" : lastNameAs(rng, person, NAME_STYLE),
        device_id: account.deviceId,
        platform: account.platform,
        signed_up_at: isoSeconds(account.signedUpAt),
      });
    }
  }
  const ids = new Set<string>();
  return table.build(() => unique(ids, () => `su_${rng.base36(10)}`));
}
