SELECT l.`record_id` AS record_id_l, r.`record_id` AS record_id_r, l.`cdp_source` AS `source_l`, r.`cdp_source` AS `source_r`, scored.match_weight, scored.match_probability,
  scored.`gamma_first_name`, scored.`weight_first_name`, scored.`gamma_last_name`, scored.`weight_last_name`, scored.`gamma_dob`, scored.`weight_dob`, scored.`gamma_email`, scored.`weight_email`
FROM (
  SELECT `cdp_rn_l`, `cdp_rn_r`, CAST('-9.964340867792417' AS FLOAT64) + `weight_first_name` + `weight_last_name` + `weight_dob` + `weight_email` AS match_weight, 1.0 / (1.0 + POWER(2.0, -(CAST('-9.964340867792417' AS FLOAT64) + `weight_first_name` + `weight_last_name` + `weight_dob` + `weight_email`))) AS match_probability,
    `gamma_first_name`, `weight_first_name`, `gamma_last_name`, `weight_last_name`, `gamma_dob`, `weight_dob`, `gamma_email`, `weight_email`
  FROM (
    SELECT p.`cdp_rn_l`, p.`cdp_rn_r`,
      p.`gamma_first_name`, CASE p.`gamma_first_name` WHEN 0 THEN CAST('6.321928094887363' AS FLOAT64) WHEN 1 THEN CAST('4.321928094887363' AS FLOAT64) WHEN 2 THEN CAST('2.321928094887362' AS FLOAT64) WHEN 3 THEN CAST('-3.277984747299765' AS FLOAT64) ELSE CAST('0' AS FLOAT64) END AS `weight_first_name`,
      p.`gamma_last_name`, CASE p.`gamma_last_name` WHEN 0 THEN CAST('6.321928094887363' AS FLOAT64) WHEN 1 THEN CAST('4.321928094887363' AS FLOAT64) WHEN 2 THEN CAST('-3.277984747299765' AS FLOAT64) ELSE CAST('0' AS FLOAT64) END AS `weight_last_name`,
      p.`gamma_dob`, CASE p.`gamma_dob` WHEN 0 THEN CAST('-0.3219280948873623' AS FLOAT64) - LN(GREATEST(COALESCE(p.`cdp_tf_2`, CAST('0.000004' AS FLOAT64)), CAST('0.000004' AS FLOAT64))) / LN(2) WHEN 1 THEN CAST('4.321928094887363' AS FLOAT64) WHEN 2 THEN CAST('-3.277984747299765' AS FLOAT64) ELSE CAST('0' AS FLOAT64) END AS `weight_dob`,
      p.`gamma_email`, CASE p.`gamma_email` WHEN 0 THEN CAST('6.321928094887363' AS FLOAT64) WHEN 1 THEN CAST('4.321928094887363' AS FLOAT64) WHEN 2 THEN CAST('-3.277984747299765' AS FLOAT64) ELSE CAST('0' AS FLOAT64) END AS `weight_email`
    FROM `acme-analytics`.`crm`.`people_matches__pairs` AS p
  ) AS weighed
  WHERE CAST('-9.964340867792417' AS FLOAT64) + `weight_first_name` + `weight_last_name` + `weight_dob` + `weight_email` >= CAST('3.1699250014423126' AS FLOAT64)
) AS scored
JOIN `acme-analytics`.`crm`.`people_matches__records` AS l ON l.`cdp_rn` = scored.`cdp_rn_l`
JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON r.`cdp_rn` = scored.`cdp_rn_r`
