ALTER TABLE `acme-analytics`.`cdp`.`daily_revenue` ADD COLUMN `refunds` INT64, ADD COLUMN `fx rate` NUMERIC(12, 6)
