SELECT * FROM "cdp"."daily_revenue" AS model WHERE model."revenue_usd" IS NULL
