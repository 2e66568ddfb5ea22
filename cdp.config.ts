import { defineConfig } from "cdp";

/**
 * The demo project: a multi-source customer data set (CRM, web, app, orders, support, loyalty)
 * in `seeds/`, cleaned by `models/staging`, summarised in `models/marts`.
 */
export default defineConfig({
  name: "demo",
  // `cdp build` uses `dev`; `cdp build --target ci` a throwaway in-memory database.
  defaultTarget: "dev",
  targets: {
    dev: { type: "duckdb", path: ".cdp/demo.duckdb", schema: "main" },
    ci: { type: "duckdb", path: ":memory:", schema: "main" },
  },
  threads: 4,
  vars: {
    // Text that means "no value" in the sources; staging models turn it into NULL.
    no_value_tokens: ["", "-", "unknown", "n/a", "na", "null", "none"],
    // Orders in these states count as revenue.
    revenue_statuses: ["completed"],
    // Reporting currency conversion, fixed for reproducible demo numbers.
    fx_to_usd: { USD: 1, EUR: 1.08, GBP: 1.27 },
  },
  seeds: {
    raw_orders: { columnTypes: { amount: "DECIMAL(12,2)", order_id: "VARCHAR" } },
  },
});
