CREATE OR REPLACE VIEW `acme-analytics`.`cdp`.`stg orders` AS
SELECT * FROM `raw`.`orders`
