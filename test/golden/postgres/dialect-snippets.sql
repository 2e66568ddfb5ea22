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
-- levenshtein
levenshtein(a.name, b.name)
-- hamming
-- (none)
-- jaro_winkler
"cdp_fn".cdp_jaro_winkler(a.name, b.name)
-- jaro_winkler_levels
"cdp_fn".cdp_jaro_winkler(a.name, b.name, a.jwk, b.jwk, CAST(ARRAY[0.7, 0.73, 0.76, 0.79, 0.8, 0.82, 0.9] AS DOUBLE PRECISION[]))
-- jaro_winkler_key
CASE WHEN octet_length(a.name) <= 1024 AND a.name !~ '[^ -~]' THEN translate(a.name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', E'\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a') END
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
