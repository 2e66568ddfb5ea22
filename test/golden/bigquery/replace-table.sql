CREATE OR REPLACE TABLE `acme-analytics`.`cdp`.`daily_revenue` AS
SELECT CURRENT_DATE() AS order_date, 'USD' AS currency
