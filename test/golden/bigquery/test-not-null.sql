SELECT * FROM `acme-analytics`.`cdp`.`daily_revenue` AS model WHERE model.`revenue_usd` IS NULL
