import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/http/rate-limit.ts";

/** A clock that only moves when the bucket sleeps, each sleep ending `late(ms)` ms after its time. */
function fakeTime(late: () => number = () => 0) {
  let t = 1_000;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms + late();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** The most requests found in any one-second window (a sliding second, as strict APIs count). */
function maxPerSecond(times: number[]): number {
  let most = 0;
  let first = 0;
  for (let i = 0; i < times.length; i++) {
    while (times[first]! <= times[i]! - 1000) first++;
    most = Math.max(most, i - first + 1);
  }
  return most;
}

async function takes(bucket: TokenBucket, clock: { now: () => number }, n: number): Promise<number[]> {
  const times: number[] = [];
  // Concurrent callers, as the engine's batches are: the bucket serves them in order.
  await Promise.all(Array.from({ length: n }, () => bucket.take().then(() => times.push(clock.now()))));
  return times;
}

describe("TokenBucket pacing", () => {
  it("never lets more than `rate` requests into a sliding second, and keeps close to the rate", async () => {
    for (const rate of [1, 5, 20, 50, 200]) {
      const clock = fakeTime();
      const bucket = new TokenBucket(rate, undefined, clock.sleep, clock.now);
      const times = await takes(bucket, clock, rate * 10);
      expect(maxPerSecond(times), `rate ${rate}`).toBeLessThanOrEqual(rate);
      const achieved = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
      expect(achieved, `rate ${rate}`).toBeGreaterThan(rate * 0.95);
    }
  });

  it("timers firing late do not add up to a burst, nor cost more than their lateness beyond the tolerance", async () => {
    let i = 0;
    // Every timer late: by 0-8 ms, and now and then by a 40 ms stall of the event loop.
    const clock = fakeTime(() => (++i % 17 === 0 ? 40 : (i * 7) % 9));
    const bucket = new TokenBucket(20, undefined, clock.sleep, clock.now);
    const times = await takes(bucket, clock, 400);
    expect(maxPerSecond(times)).toBeLessThanOrEqual(20);
    const achieved = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    expect(achieved).toBeGreaterThan(20 * 0.9);
  });

  it("sends no burst after an idle moment unless one is allowed", async () => {
    const clock = fakeTime();
    const strict = new TokenBucket(10, undefined, clock.sleep, clock.now);
    await takes(strict, clock, 3);
    clock.advance(5_000);
    const after = await takes(strict, clock, 3);
    expect(after[1]! - after[0]!).toBeGreaterThanOrEqual(100 - 10);

    const bursty = new TokenBucket(10, 5, clock.sleep, clock.now);
    clock.advance(5_000);
    const burst = await takes(bursty, clock, 6);
    // Five at once (within a millisecond's rounding), the sixth a tenth of a second later.
    expect(burst[4]! - burst[0]!).toBeLessThanOrEqual(1);
    expect(burst[5]! - burst[0]!).toBeGreaterThanOrEqual(100);
  });

  it("a 429 pauses every waiting request until Retry-After, halves the rate, and successes win it back", async () => {
    const clock = fakeTime();
    const bucket = new TokenBucket(10, undefined, clock.sleep, clock.now);
    await bucket.take();
    const start = clock.now();
    const waiting = takes(bucket, clock, 3);
    bucket.throttled(2_000);
    const times = await waiting;
    expect(times[0]! - start).toBeGreaterThanOrEqual(2_000);
    expect(bucket.currentRate).toBe(5);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(200 - 10);
    for (let i = 0; i < 10; i++) bucket.succeeded();
    expect(bucket.currentRate).toBe(10);
  });

  it("with a sleep that does not wait (tests), takes resolve at once instead of spinning", async () => {
    const bucket = new TokenBucket(1, undefined, async () => {});
    const t0 = performance.now();
    for (let i = 0; i < 1_000; i++) await bucket.take();
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
