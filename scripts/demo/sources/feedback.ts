/**
 * Free-text ticket feedback with varying sentiment. The text deliberately holds
 * commas, double quotes and the odd line break, as real exports do.
 */
import type { Rng } from "../random.ts";

export type Sentiment = "positive" | "neutral" | "negative";

const PRODUCTS = [
  "linen shirt",
  "wool scarf",
  "sneakers",
  "denim jacket",
  "merino sweater",
  "rain coat",
  "side table",
  "mug set",
  "backpack",
];

const SENTENCES: Record<Sentiment, string[]> = {
  positive: [
    "Great service, sorted out in minutes. Thanks!",
    "Love the {product}, fits perfectly.",
    'Quick refund, no questions asked. Would "definitely" order again.',
    "The person on the phone was patient, friendly and knew the answer straight away.",
    "Exchange was easy, new size arrived in {days} days.",
    "Really happy with how this was handled :)",
  ],
  neutral: [
    "Asked about delivery times, got an answer.",
    "Changed my delivery address, fine.",
    "Wanted to know if the {product} comes in other colours.",
    "Question about order {order}, resolved.",
    "Took a while, but OK in the end.",
    "n/a",
  ],
  negative: [
    "Parcel arrived {days} days late, box was damaged.",
    "Ordered the {product}, received the wrong size. Again.",
    '"Next day delivery" they said. It\'s been a week.',
    "Charged twice for order {order}, still waiting for the refund!!",
    "Nobody answers the phone, chat keeps disconnecting, very frustrating.",
    'The {product} fell apart after one wash; "premium quality", really?',
    "Third time I'm writing about this. Cancel my account.",
  ],
};

export function sentimentFor(rng: Rng): Sentiment {
  return rng.weighted<Sentiment>([
    ["positive", 35],
    ["neutral", 30],
    ["negative", 35],
  ]);
}

export function satisfactionFor(rng: Rng, sentiment: Sentiment): string {
  if (sentiment === "positive") return String(rng.int(4, 5));
  if (sentiment === "neutral") return String(rng.int(3, 4));
  return String(rng.int(1, 2));
}

function fill(rng: Rng, sentence: string): string {
  return sentence
    .replace("{product}", rng.pick(PRODUCTS))
    .replace("{days}", String(rng.int(3, 14)))
    .replace("{order}", `#${rng.int(100_001, 110_000)}`);
}

export function feedbackText(rng: Rng, sentiment: Sentiment): string {
  if (rng.chance(0.06)) return "";
  const count = rng.skewed(1, 3, 2);
  const picked = rng.shuffle(SENTENCES[sentiment]).slice(0, count);
  let text = fill(rng, picked[0]!);
  for (const sentence of picked.slice(1)) {
    text += (rng.chance(0.15) ? "\n" : " ") + fill(rng, sentence);
  }
  return text;
}
