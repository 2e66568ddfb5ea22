SELECT COUNT(*) AS n FROM `acme-analytics`.`crm`.`people_matches__records` AS l JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON l.`cdp_p0_0` = r.`cdp_p0_0` AND l.`cdp_rn` < r.`cdp_rn`
UNION ALL
SELECT COUNT(*) AS n FROM `acme-analytics`.`crm`.`people_matches__records` AS l JOIN `acme-analytics`.`crm`.`people_matches__records` AS r ON l.`cdp_p1_0` = r.`cdp_p1_0` AND l.`cdp_p1_1` = r.`cdp_p1_1` AND l.`cdp_rn` < r.`cdp_rn` AND NOT COALESCE(l.`cdp_p0_0` = r.`cdp_p0_0`, FALSE)
