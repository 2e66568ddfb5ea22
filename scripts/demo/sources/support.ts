/**
 * raw_support_tickets: a helpdesk export (day-first timestamps). Email and
 * web-form tickets carry the requester's address; phone and chat tickets often
 * only a name, part of a phone number and a postcode, which is what later
 * probabilistic matching has to work with.
 */
import { maybeJunkEmail, messyEmail, messyPostcode } from "../messy.ts";
import { allEmails, type Person } from "../people.ts";
import { formatPhone, phoneFragment } from "../phones.ts";
import type { Rng } from "../random.ts";
import { fullNameAs } from "../spelling.ts";
import { type SeedTable, TableBuilder } from "../table.ts";
import { DAY_MS, dayFirstMinutes, randomTime, WINDOW_END } from "../time.ts";
import { feedbackText, satisfactionFor, sentimentFor } from "./feedback.ts";

const NAME_STYLE = { nickname: 0.12, typo: 0.06, casing: 0.04, spacing: 0.04 };
const NAME_LAYOUTS = [
  ["first_last", 62],
  ["lower", 10],
  ["initial", 8],
  ["first_only", 6],
  ["last_first", 4],
  ["middle", 5],
  ["LAST_first", 5],
] as const;

function requesterPhone(rng: Rng, person: Person, hasEmail: boolean, channel: string): string {
  const phone = person.phones[0]!;
  const roll = rng.next();
  if (!hasEmail) return roll < 0.6 ? phoneFragment(rng, phone) : roll < 0.9 ? formatPhone(rng, phone) : "";
  if (channel === "phone")
    return roll < 0.5 ? formatPhone(rng, phone) : roll < 0.8 ? phoneFragment(rng, phone) : "";
  return roll < 0.15 ? formatPhone(rng, phone) : "";
}

export function supportTickets(rng: Rng, people: Person[]): SeedTable {
  const table = new TableBuilder("raw_support_tickets", "ticket_id", [
    "ticket_id",
    "requester_name",
    "requester_email",
    "requester_phone",
    "postcode",
    "opened_at",
    "closed_at",
    "channel",
    "satisfaction_score",
    "feedback",
  ]);
  for (const person of people) {
    const count = rng.weighted([
      [0, 55],
      [1, 30],
      [2, 10],
      [3, 5],
    ] as const);
    for (let i = 0; i < count; i++) {
      const opened = randomTime(rng, person.firstSeen, WINDOW_END);
      const channel = rng.weighted<string>([
        ["email", 40],
        ["chat", 25],
        ["phone", 25],
        ["web_form", 10],
      ]);
      const emailRate =
        channel === "email" ? 0.97 : channel === "web_form" ? 0.95 : channel === "chat" ? 0.5 : 0.15;
      const hasEmail = rng.chance(emailRate);
      const closed = opened + rng.int(10 * 60_000, 10 * DAY_MS);
      const isClosed = closed <= WINDOW_END && rng.chance(0.94);
      const sentiment = sentimentFor(rng);
      table.add(opened, person.id, {
        requester_name: fullNameAs(rng, person, NAME_STYLE, NAME_LAYOUTS),
        requester_email: hasEmail
          ? maybeJunkEmail(rng, messyEmail(rng, rng.pick(allEmails(person))), 0.01)
          : "",
        requester_phone: requesterPhone(rng, person, hasEmail, channel),
        postcode: rng.chance(hasEmail ? 0.5 : 0.9) ? messyPostcode(rng, person.postcode) : "",
        opened_at: dayFirstMinutes(opened),
        closed_at: isClosed ? dayFirstMinutes(closed) : "",
        channel,
        satisfaction_score: isClosed && rng.chance(0.55) ? satisfactionFor(rng, sentiment) : "",
        feedback: feedbackText(rng, sentiment),
      });
    }
  }
  return table.build((i) => String(48_213 + i * 3 + (i % 2)));
}
