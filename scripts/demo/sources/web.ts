/**
 * raw_web_events: a storefront's analytics stream. Every event has the
 * browser's anonymous_id; user_id appears once a visitor logs in or signs up;
 * email only on some signup/login form events. Family and library computers
 * put several people behind one anonymous_id.
 */
import { maybeJunkEmail, messyEmail } from "../messy.ts";
import { allEmails, type Person } from "../people.ts";
import { type Rng, unique } from "../random.ts";
import { type SeedTable, TableBuilder } from "../table.ts";
import { isoMillis, randomTime, WINDOW_END } from "../time.ts";

const SITE = "https://shop.example.com";
const PAGES = [
  "/",
  "/collections/new-in",
  "/collections/sale",
  "/collections/shirts",
  "/collections/shoes",
  "/collections/home",
  "/blog/caring-for-linen",
  "/about",
  "/stores",
  "/help/shipping",
  "/help/returns",
];
const PRODUCTS = [
  "linen-shirt",
  "wool-scarf",
  "canvas-sneaker",
  "denim-jacket",
  "merino-sweater",
  "rain-coat",
  "leather-belt",
  "oak-side-table",
  "ceramic-mug-set",
  "cotton-throw",
  "travel-backpack",
  "silk-tie",
];
const UTM: readonly (readonly [readonly [string, string], number])[] = [
  [["google", "cpc"], 30],
  [["facebook", "paid_social"], 15],
  [["instagram", "paid_social"], 12],
  [["newsletter", "email"], 20],
  [["tiktok", "paid_social"], 8],
  [["partner_blog", "referral"], 5],
  [["Google", "CPC"], 3],
  [["bing", "cpc"], 7],
];

type Kind = "normal" | "signup" | "newsletter";

interface VisitPlan {
  anonId: string;
  shared: boolean;
  start: number;
  kind: Kind;
  size: number;
  signupUserId?: string;
  signupEmail?: string;
}

class WebWriter {
  readonly table = new TableBuilder("raw_web_events", "event_id", [
    "event_id",
    "anonymous_id",
    "user_id",
    "event_type",
    "page_url",
    "utm_source",
    "utm_medium",
    "occurred_at",
    "email",
  ]);
  private readonly remembered = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** Emits one visit; returns how many events it produced. */
  visit(person: Person, plan: VisitPlan): number {
    const { rng } = this;
    const account = person.accounts.find((a) => a.signedUpAt <= plan.start);
    const memoryKey = `${person.id}|${plan.anonId}`;
    let userId: string | undefined;
    if (
      plan.kind === "normal" &&
      account &&
      !plan.shared &&
      this.remembered.has(memoryKey) &&
      rng.chance(0.85)
    ) {
      userId = account.userId;
    }
    const loginAt = !userId && account && rng.chance(plan.shared ? 0.7 : 0.35) ? 1 : -1;
    let time = plan.start;
    let product = rng.pick(PRODUCTS);
    let previous = "";
    for (let i = 0; i < plan.size; i++) {
      let type: string;
      let path: string;
      let email = "";
      if (i === 0) {
        type = "page_view";
        path =
          plan.kind === "signup" ? "/account/signup" : plan.kind === "newsletter" ? "/" : rng.pick(PAGES);
      } else if (i === 1 && plan.kind !== "normal") {
        type = "signup";
        path = plan.kind === "signup" ? "/account/signup" : "/newsletter";
        userId = plan.signupUserId;
        if (userId && !plan.shared) this.remembered.add(memoryKey);
        if (rng.chance(plan.kind === "signup" ? 0.6 : 0.8)) email = this.formEmail(plan.signupEmail!);
      } else if (i === loginAt && account) {
        type = "login";
        path = "/account/login";
        userId = account.userId;
        if (!plan.shared) this.remembered.add(memoryKey);
        if (rng.chance(0.25)) email = this.formEmail(account.email);
      } else {
        type = this.nextType(previous);
        if (type === "product_view") product = rng.pick(PRODUCTS);
        path =
          type === "page_view" ? rng.pick(PAGES) : type === "checkout" ? "/checkout" : `/products/${product}`;
      }
      let utmSource = "";
      let utmMedium = "";
      if (i === 0 && rng.chance(0.45)) {
        [utmSource, utmMedium] = rng.weighted(UTM);
        path += `?utm_source=${utmSource}&utm_medium=${utmMedium}`;
      }
      this.table.add(time, person.id, {
        anonymous_id: plan.anonId,
        user_id: userId ?? "",
        event_type: type,
        page_url: `${SITE}${path}`,
        utm_source: utmSource,
        utm_medium: utmMedium,
        occurred_at: isoMillis(time),
        email,
      });
      previous = type;
      time += rng.int(4_000, 240_000);
      if (time > WINDOW_END) return i + 1;
    }
    return plan.size;
  }

  private formEmail(email: string): string {
    return maybeJunkEmail(this.rng, messyEmail(this.rng, email), 0.04);
  }

  private nextType(previous: string): string {
    const { rng } = this;
    if (previous === "product_view" && rng.chance(0.25)) return "add_to_cart";
    if (previous === "add_to_cart" && rng.chance(0.4)) return "checkout";
    return rng.weighted<string>([
      ["product_view", 55],
      ["page_view", 40],
      ["add_to_cart", 5],
    ]);
  }
}

export function webEvents(rng: Rng, people: Person[]): SeedTable {
  const writer = new WebWriter(rng);
  for (const person of people) {
    const target = rng.skewed(5, 30, 2.2);
    let emitted = 0;
    const plan = (anonId: string, shared: boolean, start: number, kind: Kind = "normal"): VisitPlan => ({
      anonId,
      shared,
      start,
      kind,
      size: Math.max(kind === "normal" ? 1 : 2, Math.min(rng.skewed(1, 7, 1.6), target - emitted)),
    });
    for (const account of person.accounts) {
      if (account.platform !== "web") continue;
      const signup = plan(
        account.deviceId,
        account.deviceId === person.publicAnonId,
        account.signedUpAt,
        "signup",
      );
      emitted += writer.visit(person, {
        ...signup,
        signupUserId: account.userId,
        signupEmail: account.email,
      });
    }
    if (person.accounts.length === 0 && rng.chance(0.25)) {
      const start = randomTime(rng, person.firstSeen, WINDOW_END);
      const email = rng.pick(allEmails(person));
      emitted += writer.visit(person, {
        ...plan(person.anonIds[0]!, false, start, "newsletter"),
        signupEmail: email,
      });
    }
    for (let visit = 0; person.publicAnonId && visit < 2; visit++) {
      const start = randomTime(rng, person.firstSeen, WINDOW_END);
      emitted += writer.visit(person, plan(person.publicAnonId, true, start));
    }
    while (emitted < target) {
      const start = randomTime(rng, person.firstSeen, WINDOW_END);
      const family = person.household && rng.chance(0.3);
      const anonId = family
        ? person.household!.anonId
        : rng.weighted(person.anonIds.map((id, i) => [id, 3 - i]));
      emitted += writer.visit(person, plan(anonId, !!family, start));
    }
  }
  const ids = new Set<string>();
  return writer.table.build(() => unique(ids, () => `evt_${rng.base36(16)}`));
}
