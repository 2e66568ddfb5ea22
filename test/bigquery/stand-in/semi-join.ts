import { isOp, isSignificant, isWord, SqlSyntaxError, type Token } from "./tokens.ts";

/**
 * BigQuery runs a correlated `[NOT] EXISTS (subquery)` as a LEFT SEMI (ANTI) JOIN, and refuses one
 * whose correlation has no equality between a column of the subquery and one of the outer query
 * among the top-level AND terms of its WHERE: `WHERE h.id = e.src OR h.id = e.dst` fails with
 * "LEFT ANTI JOIN cannot be used without a condition that is an equality of fields from both
 * sides of the join" (an inequality alone does too; see https://github.com/jOOQ/jOOQ/issues/11842).
 * DuckDB runs both, so the stand-in checks: the subquery's tokens, without its parentheses.
 */
export function checkSemiJoin(subquery: Token[], anti: boolean): void {
  const sig = subquery.filter(isSignificant);
  if (!isWord(sig[0], "SELECT")) return;
  // The subquery's own clauses, at its top level.
  let depth = 0;
  const top: { token: Token; at: number }[] = [];
  sig.forEach((t, at) => {
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    else if (depth === 0) top.push({ token: t, at });
  });
  const from = top.find((x) => isWord(x.token, "FROM"))?.at;
  const where = top.find((x) => isWord(x.token, "WHERE"))?.at;
  if (from === undefined || where === undefined) return;
  const end = top.find((x) => x.at > where && isWord(x.token, "GROUP", "ORDER", "LIMIT", "HAVING"))?.at;
  const inner = new Set<string>();
  for (let i = from; i < where; i++) {
    if (isWord(sig[i], "AS") && sig[i + 1]) inner.add(sig[i + 1]!.value.toLowerCase());
  }
  const condition = sig.slice(where + 1, end ?? sig.length);

  // Qualified column references (`alias.column`) and the top-level AND terms.
  const qualifier = (tokens: Token[], i: number) =>
    (tokens[i]?.kind === "id" || tokens[i]?.kind === "qid") && isOp(tokens[i + 1], ".")
      ? tokens[i]!.value.toLowerCase()
      : undefined;
  const qualifiers = condition.map((_, i) => qualifier(condition, i)).filter((q): q is string => !!q);
  const correlated = qualifiers.some((q) => !inner.has(q));
  if (!correlated) return;
  const terms: Token[][] = [[]];
  depth = 0;
  for (const t of condition) {
    if (isOp(t, "(")) depth++;
    else if (isOp(t, ")")) depth--;
    if (depth === 0 && isWord(t, "AND")) terms.push([]);
    else terms.at(-1)!.push(t);
  }
  const equality = terms.some((term) => {
    const body = term.length && isOp(term[0], "(") && isOp(term.at(-1), ")") ? term.slice(1, -1) : term;
    if (body.length !== 7 || !isOp(body[3], "=")) return false;
    const [a, b] = [qualifier(body, 0), qualifier(body, 4)];
    return !!a && !!b && inner.has(a) !== inner.has(b);
  });
  if (!equality) {
    throw new SqlSyntaxError(
      `LEFT ${anti ? "ANTI" : "SEMI"} JOIN cannot be used without a condition that is an equality of fields from both sides of the join.`,
    );
  }
}
