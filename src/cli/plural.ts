/**
 * `1 model`, `2 models`; `word` is the singular, `many` the plural when it is not `word` + s.
 * @example plural(1, "sync") // "1 sync"
 */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? word : many}`;
}
