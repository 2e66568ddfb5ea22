/**
 * Expectation-maximisation of Fellegi-Sunter m probabilities, in memory over *patterns*: the
 * warehouse groups the blocked pairs by their vector of comparison levels (gammas), so millions
 * of pairs become a few hundred rows and each iteration is instant.
 *
 * u (how often non-matches agree by chance) is fixed, estimated from random pairs; only m and the
 * share of matches among the pairs (lambda) are learned, as Splink does.
 */

export interface Pattern {
  /** One level per comparison: -1 missing, 0..n levels (n = "else"). */
  gammas: number[];
  count: number;
}

export interface EmResult {
  /** m[comparison][level]; undefined for comparisons left out of this session. */
  m: (number[] | undefined)[];
  lambda: number;
  /** Expected number of matches among the pairs. */
  matches: number;
  iterations: number;
}

const FLOOR = 1e-6;

function initialM(levels: number): number[] {
  // Strong agreement likely for matches, disagreement unlikely: a neutral, asymmetric start.
  if (levels === 1) return [0.95, 0.05];
  const m = Array.from({ length: levels + 1 }, (_, i) =>
    i === 0 ? 0.7 : i < levels ? 0.25 / (levels - 1) : 0.05,
  );
  return m;
}

/**
 * Runs EM over `patterns` with `u` fixed. `include[c]` false leaves comparison c out (it is biased
 * in these pairs, e.g. because the blocking rule required it to agree).
 */
export function expectationMaximisation(
  patterns: Pattern[],
  u: number[][],
  include: boolean[],
  options: { maxIterations: number; tolerance?: number; m?: number[][]; lambda?: number; fixM?: boolean },
): EmResult {
  const tol = options.tolerance ?? 1e-6;
  let m = u.map((levels, c) =>
    include[c] ? (options.m?.[c]?.slice() ?? initialM(levels.length - 1)) : undefined,
  );
  let lambda = options.lambda ?? 0.1;
  let iterations = 0;
  let matches = 0;
  for (; iterations < options.maxIterations; iterations++) {
    const mSum = u.map((levels) => new Array<number>(levels.length).fill(0));
    let total = 0;
    matches = 0;
    for (const p of patterns) {
      let logRatio = Math.log(lambda / (1 - lambda));
      p.gammas.forEach((g, c) => {
        if (g < 0 || !m[c]) return;
        logRatio += Math.log(m[c]![g]! / u[c]![g]!);
      });
      const posterior = 1 / (1 + Math.exp(-logRatio));
      const w = posterior * p.count;
      matches += w;
      total += p.count;
      p.gammas.forEach((g, c) => {
        if (g >= 0 && m[c]) mSum[c]![g]! += w;
      });
    }
    const newLambda = Math.min(Math.max(matches / total, FLOOR), 1 - FLOOR);
    let change = Math.abs(newLambda - lambda);
    lambda = newLambda;
    if (!options.fixM) {
      m = m.map((old, c) => {
        if (!old) return undefined;
        const sum = mSum[c]!.reduce((a, b) => a + b, 0);
        if (sum <= 0) return old;
        const next = mSum[c]!.map((x) => Math.max(x / sum, FLOOR));
        next.forEach((x, i) => {
          change = Math.max(change, Math.abs(x - old[i]!));
        });
        return next;
      });
    }
    if (change < tol) {
      iterations++;
      break;
    }
  }
  return { m, lambda, matches, iterations };
}
