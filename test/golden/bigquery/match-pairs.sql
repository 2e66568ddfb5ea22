SELECT `cdp_rn_l`,
  `cdp_rn_r`,
  `cdp_in_0`,
  `cdp_in_1`,
  `cdp_in_2`,
  `cdp_tf_0`,
  CASE WHEN `cdp_g0` IS NOT NULL THEN `cdp_g0` WHEN `cdp_s0_jw` >= 0.9 THEN 1 WHEN `cdp_s0_jw` >= 0.8 THEN 2 ELSE 3 END AS `gamma_first_name`,
  CASE WHEN `cdp_g1` IS NOT NULL THEN `cdp_g1` WHEN `cdp_s1_jw` >= 0.9 THEN 1 ELSE 2 END AS `gamma_last_name`,
  CASE WHEN `cdp_g2` IS NOT NULL THEN `cdp_g2` WHEN `cdp_s2_lev` <= 1 THEN 1 WHEN `cdp_c2_2` = 1 THEN 2 ELSE 3 END AS `gamma_dob`,
  CASE WHEN `cdp_g3` IS NOT NULL THEN `cdp_g3` WHEN `cdp_s3_lev` <= 2 THEN 1 ELSE 2 END AS `gamma_email`,
  `cdp_g4` AS `gamma_visits`
FROM (
  SELECT l.`cdp_rn` AS `cdp_rn_l`,
      r.`cdp_rn` AS `cdp_rn_r`,
      1 AS `cdp_in_0`,
      CASE WHEN l.`cdp_b1_0` = r.`cdp_b1_0` THEN 1 ELSE 0 END AS `cdp_in_1`,
      CASE WHEN l.`cdp_b2_0` = r.`cdp_b2_0` THEN 1 ELSE 0 END AS `cdp_in_2`,
      l.`cdp_tf_0`,
      CASE WHEN l.`first_name` IS NULL OR r.`first_name` IS NULL THEN -1 WHEN l.`first_name` = r.`first_name` THEN 0 END AS `cdp_g0`,
      CASE WHEN l.`first_name` IS NOT NULL AND r.`first_name` IS NOT NULL AND l.`first_name` <> r.`first_name` THEN `acme-analytics`.`crm`.`cdp_jaro_winkler`(CAST(l.`first_name` AS STRING), CAST(r.`first_name` AS STRING)) END AS `cdp_s0_jw`,
      CASE WHEN l.`last_name` IS NULL OR r.`last_name` IS NULL THEN -1 WHEN l.`last_name` = r.`last_name` THEN 0 END AS `cdp_g1`,
      CASE WHEN l.`last_name` IS NOT NULL AND r.`last_name` IS NOT NULL AND l.`last_name` <> r.`last_name` THEN `acme-analytics`.`crm`.`cdp_jaro_winkler`(CAST(l.`last_name` AS STRING), CAST(r.`last_name` AS STRING)) END AS `cdp_s1_jw`,
      CASE WHEN l.`dob` IS NULL OR r.`dob` IS NULL THEN -1 WHEN l.`dob` = r.`dob` THEN 0 END AS `cdp_g2`,
      CASE WHEN l.`dob` IS NOT NULL AND r.`dob` IS NOT NULL AND l.`dob` <> r.`dob` AND ABS(l.`cdp_len_2` - r.`cdp_len_2`) <= 1 THEN CASE WHEN LEAST(l.`cdp_len_2`, r.`cdp_len_2`) < 8 THEN EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING))
    WHEN l.`cdp_rest_2` = r.`cdp_rest_2` THEN EDIT_DISTANCE(l.`cdp_head_2`, r.`cdp_head_2`)
    WHEN l.`cdp_head_2` = r.`cdp_head_2` THEN EDIT_DISTANCE(l.`cdp_rest_2`, r.`cdp_rest_2`)
    WHEN l.`cdp_len_2` = r.`cdp_len_2` THEN EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING))
    WHEN RIGHT(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) = RIGHT(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) THEN EDIT_DISTANCE(LEFT(CAST(l.`dob` AS STRING), l.`cdp_len_2` - (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)), LEFT(CAST(r.`dob` AS STRING), r.`cdp_len_2` - (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)))
    WHEN LEFT(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) = LEFT(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) THEN EDIT_DISTANCE(SUBSTR(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1) + 1), SUBSTR(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1) + 1))
    ELSE EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING)) END END AS `cdp_s2_lev`,
      CASE WHEN ABS(DATE_DIFF(CAST(r.`dob` AS DATE), CAST(l.`dob` AS DATE), DAY)) <= 365 THEN 1 ELSE 0 END AS `cdp_c2_2`,
      CASE WHEN l.`email` IS NULL OR r.`email` IS NULL THEN -1 WHEN l.`email` = r.`email` THEN 0 END AS `cdp_g3`,
      CASE WHEN l.`email` IS NOT NULL AND r.`email` IS NOT NULL AND l.`email` <> r.`email` AND ABS(l.`cdp_len_3` - r.`cdp_len_3`) <= 2 THEN CASE WHEN LEAST(l.`cdp_len_3`, r.`cdp_len_3`) < 8 THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN l.`cdp_rest_3` = r.`cdp_rest_3` THEN EDIT_DISTANCE(l.`cdp_head_3`, r.`cdp_head_3`)
    WHEN l.`cdp_head_3` = r.`cdp_head_3` THEN EDIT_DISTANCE(l.`cdp_rest_3`, r.`cdp_rest_3`)
    WHEN l.`cdp_len_3` = r.`cdp_len_3` THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN RIGHT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = RIGHT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(LEFT(CAST(l.`email` AS STRING), l.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)), LEFT(CAST(r.`email` AS STRING), r.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)))
    WHEN LEFT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = LEFT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(SUBSTR(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1), SUBSTR(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1))
    ELSE EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING)) END END AS `cdp_s3_lev`,
      CASE WHEN l.`visits` IS NULL OR r.`visits` IS NULL THEN -1 WHEN ABS(l.`visits` - r.`visits`) <= 2 THEN 0 ELSE 1 END AS `cdp_g4`
    FROM `acme-analytics`.`crm`.`people_matches__records` AS l JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON l.`cdp_b0_0` = r.`cdp_b0_0` AND l.`cdp_b0_1` = r.`cdp_b0_1` AND l.`cdp_rn` < r.`cdp_rn`
  UNION ALL
  SELECT l.`cdp_rn` AS `cdp_rn_l`,
      r.`cdp_rn` AS `cdp_rn_r`,
      0 AS `cdp_in_0`,
      1 AS `cdp_in_1`,
      CASE WHEN l.`cdp_b2_0` = r.`cdp_b2_0` THEN 1 ELSE 0 END AS `cdp_in_2`,
      l.`cdp_tf_0`,
      CASE WHEN l.`first_name` IS NULL OR r.`first_name` IS NULL THEN -1 WHEN l.`first_name` = r.`first_name` THEN 0 END AS `cdp_g0`,
      CASE WHEN l.`first_name` IS NOT NULL AND r.`first_name` IS NOT NULL AND l.`first_name` <> r.`first_name` THEN `acme-analytics`.`crm`.`cdp_jaro_winkler`(CAST(l.`first_name` AS STRING), CAST(r.`first_name` AS STRING)) END AS `cdp_s0_jw`,
      CASE WHEN l.`last_name` IS NULL OR r.`last_name` IS NULL THEN -1 WHEN l.`last_name` = r.`last_name` THEN 0 END AS `cdp_g1`,
      CASE WHEN l.`last_name` IS NOT NULL AND r.`last_name` IS NOT NULL AND l.`last_name` <> r.`last_name` THEN `acme-analytics`.`crm`.`cdp_jaro_winkler`(CAST(l.`last_name` AS STRING), CAST(r.`last_name` AS STRING)) END AS `cdp_s1_jw`,
      CASE WHEN l.`dob` IS NULL OR r.`dob` IS NULL THEN -1 WHEN l.`dob` = r.`dob` THEN 0 END AS `cdp_g2`,
      CASE WHEN l.`dob` IS NOT NULL AND r.`dob` IS NOT NULL AND l.`dob` <> r.`dob` AND ABS(l.`cdp_len_2` - r.`cdp_len_2`) <= 1 THEN CASE WHEN LEAST(l.`cdp_len_2`, r.`cdp_len_2`) < 8 THEN EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING))
    WHEN l.`cdp_rest_2` = r.`cdp_rest_2` THEN EDIT_DISTANCE(l.`cdp_head_2`, r.`cdp_head_2`)
    WHEN l.`cdp_head_2` = r.`cdp_head_2` THEN EDIT_DISTANCE(l.`cdp_rest_2`, r.`cdp_rest_2`)
    WHEN l.`cdp_len_2` = r.`cdp_len_2` THEN EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING))
    WHEN RIGHT(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) = RIGHT(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) THEN EDIT_DISTANCE(LEFT(CAST(l.`dob` AS STRING), l.`cdp_len_2` - (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)), LEFT(CAST(r.`dob` AS STRING), r.`cdp_len_2` - (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)))
    WHEN LEFT(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) = LEFT(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) THEN EDIT_DISTANCE(SUBSTR(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1) + 1), SUBSTR(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1) + 1))
    ELSE EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING)) END END AS `cdp_s2_lev`,
      CASE WHEN ABS(DATE_DIFF(CAST(r.`dob` AS DATE), CAST(l.`dob` AS DATE), DAY)) <= 365 THEN 1 ELSE 0 END AS `cdp_c2_2`,
      CASE WHEN l.`email` IS NULL OR r.`email` IS NULL THEN -1 WHEN l.`email` = r.`email` THEN 0 END AS `cdp_g3`,
      CASE WHEN l.`email` IS NOT NULL AND r.`email` IS NOT NULL AND l.`email` <> r.`email` AND ABS(l.`cdp_len_3` - r.`cdp_len_3`) <= 2 THEN CASE WHEN LEAST(l.`cdp_len_3`, r.`cdp_len_3`) < 8 THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN l.`cdp_rest_3` = r.`cdp_rest_3` THEN EDIT_DISTANCE(l.`cdp_head_3`, r.`cdp_head_3`)
    WHEN l.`cdp_head_3` = r.`cdp_head_3` THEN EDIT_DISTANCE(l.`cdp_rest_3`, r.`cdp_rest_3`)
    WHEN l.`cdp_len_3` = r.`cdp_len_3` THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN RIGHT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = RIGHT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(LEFT(CAST(l.`email` AS STRING), l.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)), LEFT(CAST(r.`email` AS STRING), r.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)))
    WHEN LEFT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = LEFT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(SUBSTR(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1), SUBSTR(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1))
    ELSE EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING)) END END AS `cdp_s3_lev`,
      CASE WHEN l.`visits` IS NULL OR r.`visits` IS NULL THEN -1 WHEN ABS(l.`visits` - r.`visits`) <= 2 THEN 0 ELSE 1 END AS `cdp_g4`
    FROM `acme-analytics`.`crm`.`people_matches__records` AS l JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON l.`cdp_b1_0` = r.`cdp_b1_0` AND l.`cdp_rn` < r.`cdp_rn` AND NOT COALESCE(l.`cdp_b0_0` = r.`cdp_b0_0` AND l.`cdp_b0_1` = r.`cdp_b0_1`, FALSE)
  UNION ALL
  SELECT l.`cdp_rn` AS `cdp_rn_l`,
      r.`cdp_rn` AS `cdp_rn_r`,
      0 AS `cdp_in_0`,
      0 AS `cdp_in_1`,
      1 AS `cdp_in_2`,
      l.`cdp_tf_0`,
      CASE WHEN l.`first_name` IS NULL OR r.`first_name` IS NULL THEN -1 WHEN l.`first_name` = r.`first_name` THEN 0 END AS `cdp_g0`,
      CASE WHEN l.`first_name` IS NOT NULL AND r.`first_name` IS NOT NULL AND l.`first_name` <> r.`first_name` THEN `acme-analytics`.`crm`.`cdp_jaro_winkler`(CAST(l.`first_name` AS STRING), CAST(r.`first_name` AS STRING)) END AS `cdp_s0_jw`,
      CASE WHEN l.`last_name` IS NULL OR r.`last_name` IS NULL THEN -1 WHEN l.`last_name` = r.`last_name` THEN 0 END AS `cdp_g1`,
      CASE WHEN l.`last_name` IS NOT NULL AND r.`last_name` IS NOT NULL AND l.`last_name` <> r.`last_name` THEN `acme-analytics`.`crm`.`cdp_jaro_winkler`(CAST(l.`last_name` AS STRING), CAST(r.`last_name` AS STRING)) END AS `cdp_s1_jw`,
      CASE WHEN l.`dob` IS NULL OR r.`dob` IS NULL THEN -1 WHEN l.`dob` = r.`dob` THEN 0 END AS `cdp_g2`,
      CASE WHEN l.`dob` IS NOT NULL AND r.`dob` IS NOT NULL AND l.`dob` <> r.`dob` AND ABS(l.`cdp_len_2` - r.`cdp_len_2`) <= 1 THEN CASE WHEN LEAST(l.`cdp_len_2`, r.`cdp_len_2`) < 8 THEN EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING))
    WHEN l.`cdp_rest_2` = r.`cdp_rest_2` THEN EDIT_DISTANCE(l.`cdp_head_2`, r.`cdp_head_2`)
    WHEN l.`cdp_head_2` = r.`cdp_head_2` THEN EDIT_DISTANCE(l.`cdp_rest_2`, r.`cdp_rest_2`)
    WHEN l.`cdp_len_2` = r.`cdp_len_2` THEN EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING))
    WHEN RIGHT(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) = RIGHT(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) THEN EDIT_DISTANCE(LEFT(CAST(l.`dob` AS STRING), l.`cdp_len_2` - (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)), LEFT(CAST(r.`dob` AS STRING), r.`cdp_len_2` - (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)))
    WHEN LEFT(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) = LEFT(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1)) THEN EDIT_DISTANCE(SUBSTR(CAST(l.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1) + 1), SUBSTR(CAST(r.`dob` AS STRING), (LEAST(l.`cdp_len_2`, r.`cdp_len_2`) >> 1) + 1))
    ELSE EDIT_DISTANCE(CAST(l.`dob` AS STRING), CAST(r.`dob` AS STRING)) END END AS `cdp_s2_lev`,
      CASE WHEN ABS(DATE_DIFF(CAST(r.`dob` AS DATE), CAST(l.`dob` AS DATE), DAY)) <= 365 THEN 1 ELSE 0 END AS `cdp_c2_2`,
      CASE WHEN l.`email` IS NULL OR r.`email` IS NULL THEN -1 WHEN l.`email` = r.`email` THEN 0 END AS `cdp_g3`,
      CASE WHEN l.`email` IS NOT NULL AND r.`email` IS NOT NULL AND l.`email` <> r.`email` AND ABS(l.`cdp_len_3` - r.`cdp_len_3`) <= 2 THEN CASE WHEN LEAST(l.`cdp_len_3`, r.`cdp_len_3`) < 8 THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN l.`cdp_rest_3` = r.`cdp_rest_3` THEN EDIT_DISTANCE(l.`cdp_head_3`, r.`cdp_head_3`)
    WHEN l.`cdp_head_3` = r.`cdp_head_3` THEN EDIT_DISTANCE(l.`cdp_rest_3`, r.`cdp_rest_3`)
    WHEN l.`cdp_len_3` = r.`cdp_len_3` THEN EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING))
    WHEN RIGHT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = RIGHT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(LEFT(CAST(l.`email` AS STRING), l.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)), LEFT(CAST(r.`email` AS STRING), r.`cdp_len_3` - (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)))
    WHEN LEFT(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) = LEFT(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1)) THEN EDIT_DISTANCE(SUBSTR(CAST(l.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1), SUBSTR(CAST(r.`email` AS STRING), (LEAST(l.`cdp_len_3`, r.`cdp_len_3`) >> 1) + 1))
    ELSE EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING)) END END AS `cdp_s3_lev`,
      CASE WHEN l.`visits` IS NULL OR r.`visits` IS NULL THEN -1 WHEN ABS(l.`visits` - r.`visits`) <= 2 THEN 0 ELSE 1 END AS `cdp_g4`
    FROM `acme-analytics`.`crm`.`people_matches__records` AS l JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON l.`cdp_b2_0` = r.`cdp_b2_0` AND l.`cdp_rn` < r.`cdp_rn` AND NOT COALESCE(l.`cdp_b0_0` = r.`cdp_b0_0` AND l.`cdp_b0_1` = r.`cdp_b0_1`, FALSE) AND NOT COALESCE(l.`cdp_b1_0` = r.`cdp_b1_0`, FALSE)
) AS cdp_levels
