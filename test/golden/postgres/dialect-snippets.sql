-- quote
"my schema"."odd ""name"""
-- literal
'it''s'
-- cast
CAST(phone AS TEXT)
-- sha256
encode(sha256(convert_to(lower(email), 'UTF8')), 'hex')
-- regexp_replace
regexp_replace(phone, '[^0-9]', '', 'g')
-- regexp_contains
(email ~ '^[^@]+@')
-- hash_int
hashint8extended(CAST(id AS BIGINT), 0)
-- portable_hash
CAST(CAST(CONCAT('x0', SUBSTR(md5(CAST(id AS VARCHAR)), 1, 15)) AS BIT(64)) AS BIGINT)
-- levenshtein
levenshtein(a.name, b.name)
-- hamming
-- (none)
-- jaro_winkler
"cdp_fn".cdp_jaro_winkler(a.name, b.name)
-- date_add
(ordered_at + INTERVAL '-3 day')
-- date_diff
CAST(CAST(last_seen AS DATE) - CAST(first_seen AS DATE) AS BIGINT)
-- current_timestamp
current_timestamp
-- most_recent
(array_agg(email ORDER BY seen_at DESC, email ASC) FILTER (WHERE email IS NOT NULL AND seen_at IS NOT NULL))[1]
-- most_frequent
mode() WITHIN GROUP (ORDER BY city)
-- text_columns
-- (none)
-- row_number
-- (none)
-- primary_key_count
-- (none)
