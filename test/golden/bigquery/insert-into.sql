INSERT INTO `acme-analytics`.`cdp`.`daily_revenue` (`order_date`, `currency`, `orders`)
SELECT `order_date`, `currency`, `orders` FROM `acme-analytics`.`cdp`.`daily_revenue__cdp_stage`
