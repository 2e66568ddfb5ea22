/**
 * Puts CTEs in front of a query. When the query already starts with WITH, the CTEs join its
 * list (a second WITH would be a syntax error); otherwise a WITH clause is added.
 */
export function prependCtes(sql: string, ctes: { name: string; sql: string }[]): string {
  if (!ctes.length) return sql;
  const body = ctes.map((c) => `${c.name} AS (\n${c.sql}\n)`).join(",\n");
  const lead = /^(\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*)/.exec(sql)?.[1] ?? "";
  const rest = sql.slice(lead.length);
  const withClause = /^with(\s+recursive)?\s/i.exec(rest);
  if (withClause) {
    return `${lead}${withClause[0]}${body},\n${rest.slice(withClause[0].length)}`;
  }
  return `${lead}WITH ${body}\n${rest}`;
}

/** Removes trailing semicolons and whitespace so the query can be wrapped in DDL. */
export function stripTrailingSemicolons(sql: string): string {
  return sql.replace(/[\s;]+$/, "");
}
