MERGE INTO `acme-analytics`.`cdp`.`daily_revenue` AS t
USING `acme-analytics`.`cdp`.`daily_revenue__cdp_stage` AS s
ON t.`order_date` = s.`order_date` AND t.`currency` = s.`currency`
WHEN MATCHED THEN UPDATE SET `orders` = s.`orders`, `revenue_usd` = s.`revenue_usd`
WHEN NOT MATCHED THEN INSERT (`order_date`, `currency`, `orders`, `revenue_usd`) VALUES (s.`order_date`, s.`currency`, s.`orders`, s.`revenue_usd`)
