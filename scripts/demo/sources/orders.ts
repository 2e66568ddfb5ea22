/**
 * raw_orders: the order system of web shop, app and stores. Logged-in orders
 * carry the account's user_id and email; guest checkouts only an email (and
 * maybe a phone); store tills often record no email or a placeholder.
 */
import { JUNK_EMAILS, junkToken, maybeJunkEmail, messyEmail } from "../messy.ts";
import type { Account, Person } from "../people.ts";
import { formatPhone, JUNK_PHONES } from "../phones.ts";
import { CURRENCY } from "../places.ts";
import type { Rng } from "../random.ts";
import { type SeedTable, TableBuilder } from "../table.ts";
import { randomTime, sqlTimestamp, WINDOW_END } from "../time.ts";

/** Shelf prices in minor units (cents/pence). */
const PRICES = [1900, 2450, 2990, 3900, 4995, 5900, 7900, 8990, 11900, 14900, 19900];

function amount(rng: Rng): string {
  let cents = rng.chance(0.4) ? 495 : 0;
  for (let i = rng.skewed(1, 4, 2); i > 0; i--) cents += rng.pick(PRICES);
  if (rng.chance(0.15)) cents = Math.round(cents * 0.8);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

function guestEmail(rng: Rng, person: Person): string {
  const email = rng.weighted<string>([
    [person.personalEmail, 70],
    [person.altEmail ?? person.personalEmail, 15],
    [person.workEmail ?? person.personalEmail, 15],
  ]);
  return maybeJunkEmail(rng, messyEmail(rng, email), 0.02);
}

function orderEmail(rng: Rng, person: Person, channel: string, account: Account | undefined): string {
  if (account) return rng.chance(0.7) ? account.email : messyEmail(rng, account.email);
  if (channel !== "store") return guestEmail(rng, person);
  if (!rng.chance(0.45)) return "";
  return rng.chance(0.3)
    ? rng.chance(0.6)
      ? rng.pick(JUNK_EMAILS)
      : junkToken(rng)
    : guestEmail(rng, person);
}

export function orders(rng: Rng, people: Person[]): SeedTable {
  const table = new TableBuilder("raw_orders", "order_id", [
    "order_id",
    "user_id",
    "email",
    "phone",
    "ordered_at",
    "status",
    "currency",
    "amount",
    "channel",
  ]);
  for (const person of people) {
    for (let k = 0; k < person.orderCount; k++) {
      const at = randomTime(rng, person.firstSeen, WINDOW_END);
      const account = person.accounts.find((a) => a.signedUpAt <= at);
      const channel = account
        ? rng.weighted<string>([
            ["web", 50],
            ["app", 35],
            ["store", 15],
          ])
        : rng.weighted<string>([
            ["web", 85],
            ["store", 15],
          ]);
      const loggedIn = account && (channel === "app" || (channel === "web" && rng.chance(0.85)));
      const phoneRate = channel === "store" ? 0.5 : 0.35;
      const phone = person.phones[0]!;
      table.add(at, person.id, {
        user_id: loggedIn ? account.userId : "",
        email: orderEmail(rng, person, channel, loggedIn ? account : undefined),
        phone: rng.chance(0.03)
          ? rng.pick(JUNK_PHONES)
          : rng.chance(phoneRate)
            ? formatPhone(rng, phone)
            : "",
        ordered_at: sqlTimestamp(at),
        status: rng.weighted<string>([
          ["completed", 85],
          ["refunded", 7],
          ["cancelled", 8],
        ]),
        currency: CURRENCY[person.country],
        amount: amount(rng),
        channel,
      });
    }
  }
  return table.build((i) => `ORD-${100_001 + i}`);
}
