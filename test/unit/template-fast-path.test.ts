import { describe, expect, it } from "vitest";
import { TemplateEngine } from "../../src/project/templates.ts";
import { duckdbDialect } from "../../src/warehouse/duckdb/dialect.ts";

/**
 * The fast template path must give exactly what Handlebars gives: same SQL (whitespace included),
 * same refs, config and tests, same errors. Compared on hand-picked cases and on random templates.
 */
function engine(fast: boolean): TemplateEngine {
  const e = new TemplateEngine({
    dialect: duckdbDialect,
    vars: {
      list: ["a", "b", "c"],
      empty: [],
      obj: { x: 1, y: "two" },
      n: 0,
      flag: true,
      off: false,
      s: "str",
    },
    sources: { crm: { schema: "raw", tables: ["contacts"] } },
  });
  e.fastPath = fast;
  e.registerPartial("cols", "id,\n  name\n");
  e.registerPartial("inline", 'x{{var "s"}}y');
  return e;
}

const context = { isIncremental: false, target: { name: "dev", type: "duckdb", schema: "main" } };

function both(template: string) {
  const fast = engine(true).render("m.sql", "m", template, context);
  const slow = engine(false).render("m.sql", "m", template, context);
  return { fast, slow };
}

/**
 * `exactLines` is off for random templates: Handlebars reuses the compiled code of identical
 * nested blocks, locations included, so it reports the first copy's line for later copies. The
 * fast path reports each one's own line.
 */
function expectSame(template: string, exactLines = true) {
  const { fast, slow } = both(template);
  expect({ template, sql: fast.sql }).toEqual({ template, sql: slow.sql });
  const refs = (r: { name: string; line?: number }[]) => (exactLines ? r : r.map((x) => x.name));
  expect(refs(fast.state.refs)).toEqual(refs(slow.state.refs));
  expect(fast.state.config).toEqual(slow.state.config);
  expect(fast.state.tests).toEqual(slow.state.tests);
  expect(fast.state.configLine).toEqual(slow.state.configLine);
  expect(fast.state.diagnostics).toEqual(slow.state.diagnostics);
}

const CASES = [
  `{{config materialized="table" tags="a,b"}}\nselect * from {{ref "x"}}\n`,
  `select\n  {{#each (var "list")}}\n  {{this}} as c{{@index}},\n  {{/each}}\n  1\nfrom t`,
  `{{#each (var "obj")}}{{@key}}={{this}}{{#unless @last}}, {{/unless}}{{/each}}`,
  `a\n  {{#if is_incremental}}\n  where x\n  {{else}}\n  where y\n  {{/if}}\nb`,
  `{{#if (var "n")}}zero is false{{/if}}|{{#if (var "n") includeZero=true}}zero counts{{/if}}`,
  `{{#each (var "empty")}}x{{else}}none{{/each}}`,
  `{{var "obj"}}|{{var "list"}}|{{var "s" raw=true}}|{{var "n"}}|{{literal (var "obj")}}|{{literal (var "list")}}`,
  `{{#if flag}}{{var "obj"}}{{/if}}{{> inline}}`,
  `{{#with (var "obj")}}{{x}}-{{y}}{{/with}}`,
  `select\n  {{> cols}}\nfrom t`,
  `select\n{{> cols}}\nfrom t\n    {{> cols}}`,
  `pre {{> inline}} post`,
  `{{!-- header\n  comment --}}\nselect 1\n{{! short }}\n`,
  `a   {{~ref "x"~}}   b\n  {{~#if is_incremental~}} c {{~else~}} d {{~/if~}}  e`,
  `{{test "not_null" column="id"}}\n{{test "accepted_values" column="s" values=(var "list")}}\nselect 1`,
  `{{source "crm" "contacts"}} {{quote "we\\"ird"}} {{literal (var "list")}} {{sha256 "email"}} {{self}}`,
  `{{target.name}}.{{target.schema}} {{var "s"}} {{var "missing" "fallback"}} {{var "flag"}} {{var "off"}}`,
  `{{#if (var "flag")}}\n  {{#each (var "list")}}\n    {{#if @first}}first {{/if}}{{this}}\n  {{/each}}\n{{/if}}\n`,
  `{{ref "x"}}{{ref "y"}}\r\n{{#if is_incremental}}\r\nz\r\n{{/if}}\r\n`,
  // errors
  `select {{nope}}`,
  `select {{reff "x"}}`,
  `{{var "dayz"}}`,
  `{{config materialized="table"}}{{config tags="x"}}`,
  `{{ref}}`,
  // left to Handlebars
  `{{#if a}}x{{else if b}}y{{/if}}`,
  `{{{ref "x"}}}`,
  `{{#each (var "list") as |item|}}{{item}}{{/each}}`,
  `{{lookup (var "obj") "x"}}`,
  `select 1\n{{#if is_incremental}}\nwhere 1\n`,
  `{{#if x}}{{/each}}`,
];

describe("fast template path", () => {
  it.each(CASES.map((c) => [c]))("matches Handlebars on %j", (template) => expectSame(template));

  it("matches Handlebars on random templates", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const texts = ["", " ", "\n", "  \n", "select", " x ", "\n  ", ",\n", "\t", "a\n\nb"];
    const gen = (depth: number): string => {
      let out = "";
      const parts = 1 + rand(6);
      for (let i = 0; i < parts; i++) {
        const t = texts[rand(texts.length)];
        const ws = () => (rand(3) === 0 ? "~" : "");
        switch (rand(depth > 2 ? 5 : 9)) {
          case 0:
            out += t;
            break;
          case 1:
            out += `{{${ws()}ref "m${rand(3)}"${ws()}}}`;
            break;
          case 2:
            out += `{{${ws()}!-- c --${ws()}}}`;
            break;
          case 3:
            out += `{{${ws()}> ${rand(2) ? "cols" : "inline"}${ws()}}}`;
            break;
          case 4:
            out += `{{var "s"}}${t}`;
            break;
          case 5:
            out += `{{${ws()}#if ${rand(2) ? "is_incremental" : '(var "flag")'}${ws()}}}${gen(depth + 1)}${rand(2) ? `{{${ws()}else${ws()}}}${gen(depth + 1)}` : ""}{{${ws()}/if${ws()}}}`;
            break;
          case 6:
            out += `{{${ws()}#each (var "${rand(2) ? "list" : "obj"}")${ws()}}}${gen(depth + 1)}{{@index}}{{${ws()}/each${ws()}}}`;
            break;
          case 7:
            out += `${t}{{#unless (var "off")}}${gen(depth + 1)}{{/unless}}${t}`;
            break;
          default:
            out += `\n${t}{{${ws()}#with (var "obj")${ws()}}}{{x}}${gen(depth + 1)}{{${ws()}/with${ws()}}}\n`;
        }
      }
      return out;
    };
    for (let i = 0; i < 1500; i++) expectSame(gen(0), false);
  });
});
