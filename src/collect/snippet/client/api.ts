import { eventContext, type Json, pageFacts } from "./context.ts";
import { readCookie, writeCookie } from "./cookies.ts";
import { Dispatcher, type DispatchSettings } from "./dispatcher.ts";
import { warn } from "./dom.ts";
import { uuid } from "./ids.ts";

const ANONYMOUS_ID_COOKIE = "cdp_anonymous_id";
const USER_ID_COOKIE = "cdp_user_id";

export interface LoadOptions extends Partial<Omit<DispatchSettings, "writeKey" | "host">> {
  writeKey: string;
  /** The collector's origin; by default the origin `cdp.js` was loaded from. */
  host?: string;
  /** Share the cookies across sub-domains, e.g. `example.com`. Default: this host only. */
  cookieDomain?: string;
}

const DEFAULTS = { flushAt: 20, flushInterval: 1000, maxAttempts: 10, backoffMin: 1000, backoffMax: 60_000 };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `cdp.page()`, `cdp.identify()`, `cdp.track()`, `cdp.alias()`: Segment's calls, sent in Segment's shape. */
export class Cdp {
  private readonly dispatcher = new Dispatcher();
  private cookieDomain: string | undefined;
  private loaded = false;
  // The cookies are read at once, so calls made before load() already carry the visitor's ids.
  private anonymous = readCookie(ANONYMOUS_ID_COOKIE) || uuid();
  private user = readCookie(USER_ID_COOKIE) || undefined;

  constructor(private readonly defaultHost: string | undefined) {}

  load(options: LoadOptions): void {
    if (!options || typeof options.writeKey !== "string" || !options.writeKey) {
      warn("load() needs { writeKey }: nothing will be sent");
      return;
    }
    const host = (options.host ?? this.defaultHost ?? "").replace(/\/+$/, "");
    if (!host) {
      warn("load() needs { host }: the collector's origin, e.g. https://collect.example.com");
      return;
    }
    this.cookieDomain = options.cookieDomain;
    this.loaded = true;
    // Writing them again renews the cookies' lifetime on every page load.
    this.persist();
    const pick = (key: keyof typeof DEFAULTS): number => {
      const v = options[key];
      return typeof v === "number" && v >= 0 ? v : DEFAULTS[key];
    };
    this.dispatcher.configure({
      writeKey: options.writeKey,
      host,
      flushAt: Math.max(1, pick("flushAt")),
      flushInterval: pick("flushInterval"),
      maxAttempts: Math.max(1, pick("maxAttempts")),
      backoffMin: pick("backoffMin"),
      backoffMax: pick("backoffMax"),
    });
  }

  /** `page()`, `page(properties)`, `page(name, properties?)`, `page(category, name, properties?)`. */
  page(...args: unknown[]): void {
    const strings: string[] = [];
    while (typeof args[0] === "string" && strings.length < 2) strings.push(args.shift() as string);
    const [category, name] = strings.length === 2 ? strings : [undefined, strings[0]];
    const properties: Json = { ...pageFacts(), ...(isObject(args[0]) ? args[0] : {}) };
    if (name) properties.name = name;
    if (category) properties.category = category;
    this.send({ type: "page", name: name ?? null, category: category ?? null, properties });
  }

  /** `identify(userId, traits?)` or `identify(traits)`: later calls carry the user id. */
  identify(userIdOrTraits?: unknown, traits?: unknown): void {
    if (typeof userIdOrTraits === "string" || typeof userIdOrTraits === "number") {
      this.user = String(userIdOrTraits);
      this.persist();
    } else if (isObject(userIdOrTraits)) {
      traits = userIdOrTraits;
    }
    this.send({ type: "identify", traits: isObject(traits) ? traits : {} });
  }

  track(event: unknown, properties?: unknown): void {
    if (typeof event !== "string" || !event) {
      warn("track() needs an event name");
      return;
    }
    this.send({ type: "track", event, properties: isObject(properties) ? properties : {} });
  }

  /** `alias(userId, previousId?)`: links `previousId` (by default the current user or anonymous id) to `userId`. */
  alias(userId: unknown, previousId?: unknown): void {
    if (typeof userId !== "string" || !userId) {
      warn("alias() needs the new user id");
      return;
    }
    const previous =
      typeof previousId === "string" && previousId ? previousId : (this.user ?? this.anonymous);
    this.user = userId;
    this.persist();
    this.send({ type: "alias", previousId: previous });
  }

  /** Forget the user (on log-out): a new anonymous id, no user id. */
  reset(): void {
    this.user = undefined;
    this.anonymous = uuid();
    this.persist();
  }

  /** Sends what waits without waiting for `flushInterval`. */
  flush(): Promise<void> {
    return this.dispatcher.flush();
  }

  anonymousId(): string {
    return this.anonymous;
  }

  userId(): string | undefined {
    return this.user;
  }

  /** pagehide / hidden tab: what waits leaves with `navigator.sendBeacon`. */
  pageHidden(): void {
    this.dispatcher.beacon();
  }

  /** Only once loaded: the cookies' domain comes with load(). */
  private persist(): void {
    if (!this.loaded) return;
    writeCookie(ANONYMOUS_ID_COOKIE, this.anonymous, this.cookieDomain);
    writeCookie(USER_ID_COOKIE, this.user, this.cookieDomain);
  }

  private send(fields: Json): void {
    // Calls made before load() wait in the dispatcher until it knows where to send them.
    this.dispatcher.enqueue({
      ...fields,
      messageId: uuid(),
      anonymousId: this.anonymous,
      userId: this.user ?? null,
      originalTimestamp: new Date().toISOString(),
      context: eventContext(),
    });
  }
}
