SELECT `gamma_first_name`, `gamma_last_name`, `gamma_dob`, `gamma_email`, `cdp_blocked`, COUNT(*) AS n FROM (
  SELECT CASE WHEN `cdp_g0` IS NOT NULL THEN `cdp_g0` WHEN `cdp_s0_jw` >= 0.9 THEN 2 ELSE 3 END AS `gamma_first_name`,
    `cdp_g1` AS `gamma_last_name`,
    `cdp_g2` AS `gamma_dob`,
    CASE WHEN `cdp_g3` IS NOT NULL THEN `cdp_g3` WHEN `cdp_s3_lev` <= 1 THEN 1 ELSE 2 END AS `gamma_email`, v.`cdp_blocked`
  FROM (
    SELECT CASE WHEN l.`first_name` IS NULL OR r.`first_name` IS NULL THEN -1 WHEN l.`first_name` = r.`first_name` THEN 0 WHEN l.`first_name` = r.`last_name` THEN 1 END AS `cdp_g0`,
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
    ELSE EDIT_DISTANCE(CAST(l.`email` AS STRING), CAST(r.`email` AS STRING)) END END AS `cdp_s3_lev`, CASE WHEN COALESCE(l.`cdp_b0_0` = r.`cdp_b0_0` AND l.`cdp_b0_1` = r.`cdp_b0_1`, FALSE) OR COALESCE(l.`cdp_b1_0` = r.`cdp_b1_0`, FALSE) THEN 1 ELSE 0 END AS `cdp_blocked`
    FROM (SELECT MOD(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(k * 2 + 0 + 42000126 AS STRING))), 1, 15)) AS INT64), 250000) + 1 AS rn_l, MOD(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(k * 2 + 1 + 42000126 AS STRING))), 1, 15)) AS INT64), 250000) + 1 AS rn_r FROM (SELECT k FROM (SELECT d0.x * 1 + d1.x * 10 + d2.x * 100 + d3.x * 1000 + d4.x * 10000 AS k FROM (SELECT 0 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS d0 CROSS JOIN (SELECT 0 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS d1 CROSS JOIN (SELECT 0 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS d2 CROSS JOIN (SELECT 0 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS d3 CROSS JOIN (SELECT 0 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) AS d4) AS digits WHERE k < 100000) AS ks) AS s
    JOIN `acme-analytics`.`crm`.`people_matches__records` AS l ON l.`cdp_rn` = s.rn_l
    JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON r.`cdp_rn` = s.rn_r
    WHERE s.rn_l <> s.rn_r AND l.`cdp_source` <> r.`cdp_source`
  ) AS v
) AS g GROUP BY `gamma_first_name`, `gamma_last_name`, `gamma_dob`, `gamma_email`, `cdp_blocked`
