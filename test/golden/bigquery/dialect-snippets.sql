-- quote
`acme-analytics`.`my schema`.`odd "name"`
-- literal
'it\'s'
-- cast
CAST(phone AS STRING)
-- sha256
TO_HEX(SHA256(lower(email)))
-- regexp_replace
REGEXP_REPLACE(phone, '[^0-9]', '')
-- regexp_contains
REGEXP_CONTAINS(email, '^[^@]+@')
-- hash_int
FARM_FINGERPRINT(CAST(id AS STRING))
-- hash_text
FARM_FINGERPRINT(CONCAT(type, '|', value))
-- portable_hash
CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(id AS VARCHAR))), 1, 15)) AS INT64)
-- levenshtein
EDIT_DISTANCE(a.name, b.name)
-- hamming
-- (none)
-- jaro_winkler
`acme-analytics`.`cdp_fn`.`cdp_jaro_winkler`(a.name, b.name)
-- jaro_winkler_levels
`acme-analytics`.`cdp_fn`.`cdp_jaro_winkler`(a.name, b.name)
-- jaro_winkler_key
-- (none)
-- date_add
(ordered_at + INTERVAL -3 DAY)
-- date_diff
DATE_DIFF(CAST(last_seen AS DATE), CAST(first_seen AS DATE), DAY)
-- current_timestamp
CURRENT_TIMESTAMP()
-- most_recent
ARRAY_AGG(CASE WHEN seen_at IS NOT NULL THEN email END IGNORE NULLS ORDER BY seen_at DESC, email LIMIT 1)[SAFE_OFFSET(0)]
-- most_frequent
(SELECT v FROM UNNEST(ARRAY_AGG(city IGNORE NULLS)) AS v GROUP BY v ORDER BY COUNT(*) DESC, v LIMIT 1)
-- text_columns
-- (none)
-- row_number
-- (none)
-- primary_key_count
-- (none)
