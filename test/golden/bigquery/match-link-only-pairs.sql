SELECT `cdp_rn_l`,
  `cdp_rn_r`,
  `cdp_in_0`,
  `cdp_in_1`,
  `cdp_tf_2`,
  CASE WHEN `cdp_g0` IS NOT NULL THEN `cdp_g0` WHEN `cdp_s0_jw` >= 0.9 THEN 2 ELSE 3 END AS `gamma_first_name`,
  `cdp_g1` AS `gamma_last_name`,
  `cdp_g2` AS `gamma_dob`,
  CASE WHEN `cdp_g3` IS NOT NULL THEN `cdp_g3` WHEN `cdp_s3_lev` <= 1 THEN 1 ELSE 2 END AS `gamma_email`
FROM (
  SELECT l.`cdp_rn` AS `cdp_rn_l`,
      r.`cdp_rn` AS `cdp_rn_r`,
      1 AS `cdp_in_0`,
      CASE WHEN l.`cdp_b1_0` = r.`cdp_b1_0` THEN 1 ELSE 0 END AS `cdp_in_1`,
      l.`cdp_tf_2`,
      CASE WHEN l.`first_name` IS NULL OR r.`first_name` IS NULL THEN -1 WHEN l.`first_name` = r.`first_name` THEN 0 WHEN l.`first_name` = r.`last_name` THEN 1 END AS `cdp_g0`,
      CASE WHEN l.`first_name` IS NOT NULL AND r.`first_name` IS NOT NULL AND l.`first_name` <> r.`first_name` AND NOT COALESCE(l.`first_name` = r.`last_name`, FALSE) THEN `acme-analytics`.`crm`.`cdp_jaro_winkler`(CAST(l.`first_name` AS STRING), CAST(r.`first_name` AS STRING)) END AS `cdp_s0_jw`,
      CASE WHEN l.`last_name` IS NULL OR r.`last_name` IS NULL THEN -1 WHEN l.`last_name` = r.`last_name` THEN 0 WHEN l.`last_name` = r.`first_name` THEN 1 ELSE 2 END AS `cdp_g1`,
      CASE WHEN l.`dob` IS NULL OR r.`dob` IS NULL THEN -1 WHEN l.`dob` = r.`dob` THEN 0 WHEN ABS(DATE_DIFF(CAST(r.`dob` AS DATE), CAST(l.`dob` AS DATE), DAY)) <= 31 THEN 1 ELSE 2 END AS `cdp_g2`,
      CASE WHEN l.`email` IS NULL OR r.`email` IS NULL THEN -1 WHEN l.`email` = r.`email` THEN 0 END AS `cdp_g3`,
      CASE WHEN l.`email` IS NOT NULL AND r.`email` IS NOT NULL AND l.`email` <> r.`email` AND ABS(l.`cdp_len_3` - r.`cdp_len_3`) <= 1 THEN CASE WHEN LEAST(l.`cdp_len_3`, r.`cdp_len_3`) < 8 THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN l.`cdp_rest_3` = r.`cdp_rest_3` THEN EDIT_DISTANCE(l.`cdp_head_3`, r.`cdp_head_3`)
    WHEN l.`cdp_head_3` = r.`cdp_head_3` THEN EDIT_DISTANCE(l.`cdp_rest_3`, r.`cdp_rest_3`)
    WHEN l.`cdp_len_3` = r.`cdp_len_3` THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN RIGHT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = RIGHT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(LEFT(CAST(l.`email` AS STRING), l.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)), LEFT(CAST(r.`email` AS STRING), r.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)))
    WHEN LEFT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = LEFT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(SUBSTR(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1), SUBSTR(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1))
    ELSE EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING)) END END AS `cdp_s3_lev`
    FROM `acme-analytics`.`crm`.`people_matches__records` AS l JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON l.`cdp_b0_0` = r.`cdp_b0_0` AND l.`cdp_b0_1` = r.`cdp_b0_1` AND l.`cdp_rn` < r.`cdp_rn` AND l.`cdp_source` <> r.`cdp_source`
  UNION ALL
  SELECT l.`cdp_rn` AS `cdp_rn_l`,
      r.`cdp_rn` AS `cdp_rn_r`,
      0 AS `cdp_in_0`,
      1 AS `cdp_in_1`,
      l.`cdp_tf_2`,
      CASE WHEN l.`first_name` IS NULL OR r.`first_name` IS NULL THEN -1 WHEN l.`first_name` = r.`first_name` THEN 0 WHEN l.`first_name` = r.`last_name` THEN 1 END AS `cdp_g0`,
      CASE WHEN l.`first_name` IS NOT NULL AND r.`first_name` IS NOT NULL AND l.`first_name` <> r.`first_name` AND NOT COALESCE(l.`first_name` = r.`last_name`, FALSE) THEN `acme-analytics`.`crm`.`cdp_jaro_winkler`(CAST(l.`first_name` AS STRING), CAST(r.`first_name` AS STRING)) END AS `cdp_s0_jw`,
      CASE WHEN l.`last_name` IS NULL OR r.`last_name` IS NULL THEN -1 WHEN l.`last_name` = r.`last_name` THEN 0 WHEN l.`last_name` = r.`first_name` THEN 1 ELSE 2 END AS `cdp_g1`,
      CASE WHEN l.`dob` IS NULL OR r.`dob` IS NULL THEN -1 WHEN l.`dob` = r.`dob` THEN 0 WHEN ABS(DATE_DIFF(CAST(r.`dob` AS DATE), CAST(l.`dob` AS DATE), DAY)) <= 31 THEN 1 ELSE 2 END AS `cdp_g2`,
      CASE WHEN l.`email` IS NULL OR r.`email` IS NULL THEN -1 WHEN l.`email` = r.`email` THEN 0 END AS `cdp_g3`,
      CASE WHEN l.`email` IS NOT NULL AND r.`email` IS NOT NULL AND l.`email` <> r.`email` AND ABS(l.`cdp_len_3` - r.`cdp_len_3`) <= 1 THEN CASE WHEN LEAST(l.`cdp_len_3`, r.`cdp_len_3`) < 8 THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN l.`cdp_rest_3` = r.`cdp_rest_3` THEN EDIT_DISTANCE(l.`cdp_head_3`, r.`cdp_head_3`)
    WHEN l.`cdp_head_3` = r.`cdp_head_3` THEN EDIT_DISTANCE(l.`cdp_rest_3`, r.`cdp_rest_3`)
    WHEN l.`cdp_len_3` = r.`cdp_len_3` THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN RIGHT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = RIGHT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(LEFT(CAST(l.`email` AS STRING), l.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)), LEFT(CAST(r.`email` AS STRING), r.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)))
    WHEN LEFT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = LEFT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(SUBSTR(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1), SUBSTR(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1))
    ELSE EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING)) END END AS `cdp_s3_lev`
    FROM `acme-analytics`.`crm`.`people_matches__records` AS l JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON l.`cdp_b1_0` = r.`cdp_b1_0` AND l.`cdp_rn` < r.`cdp_rn` AND l.`cdp_source` <> r.`cdp_source` AND NOT COALESCE(l.`cdp_b0_0` = r.`cdp_b0_0` AND l.`cdp_b0_1` = r.`cdp_b0_1`, FALSE)
) AS cdp_levels
