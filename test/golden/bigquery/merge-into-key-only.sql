MERGE INTO `acme-analytics`.`cdp`.`daily_revenue` AS t
USING `acme-analytics`.`cdp`.`daily_revenue__cdp_stage` AS s
ON t.`id` = s.`id`
WHEN MATCHED THEN UPDATE SET `id` = s.`id`
WHEN NOT MATCHED THEN INSERT (`id`) VALUES (s.`id`)
