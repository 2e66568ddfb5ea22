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
-- hash_text
hashtextextended(value, hashtextextended(type, 0))
-- portable_hash
CAST(CAST(CONCAT('x0', SUBSTR(md5(CAST(id AS VARCHAR)), 1, 15)) AS BIT(64)) AS BIGINT)
-- levenshtein
levenshtein(a.name, b.name)
-- hamming
-- (none)
-- jaro_winkler
"cdp_fn".cdp_jaro_winkler(a.name, b.name)
-- jaro_winkler_levels
"cdp_fn".cdp_jaro_winkler(a.name, b.name, a.jwk, b.jwk, CAST(ARRAY[0.6999989999999999, 0.700001, 0.729999, 0.730001, 0.759999, 0.760001, 0.789999, 0.7900010000000001, 0.799999, 0.8000010000000001, 0.8199989999999999, 0.820001, 0.899999, 0.900001] AS DOUBLE PRECISION[]), CAST(ARRAY[-1, NULL, 0.700001, NULL, 0.730001, NULL, 0.760001, NULL, 0.7900010000000001, NULL, 0.8000010000000001, NULL, 0.820001, NULL, 0.900001] AS DOUBLE PRECISION[]))
-- jaro_winkler_key
"cdp_fn".cdp_jaro_winkler_key(a.name)
-- date_add
(ordered_at + INTERVAL '-3 day')
-- date_diff
CAST(CAST(last_seen AS DATE) - CAST(first_seen AS DATE) AS BIGINT)
-- current_timestamp
current_timestamp
-- most_recent
(array_agg(email ORDER BY (CASE WHEN pg_typeof(seen_at)::text IN ('text', 'character varying', 'character', 'name') THEN (seen_at)::text END) COLLATE "C" DESC, seen_at DESC, (CASE WHEN pg_typeof(email)::text IN ('text', 'character varying', 'character', 'name') THEN (email)::text END) COLLATE "C" ASC, email ASC) FILTER (WHERE email IS NOT NULL AND seen_at IS NOT NULL))[1]
-- most_frequent
(SELECT v FROM unnest(array_agg(city) FILTER (WHERE city IS NOT NULL)) AS v GROUP BY v ORDER BY COUNT(*) DESC, (CASE WHEN pg_typeof(v)::text IN ('text', 'character varying', 'character', 'name') THEN (v)::text END) COLLATE "C" ASC, v ASC LIMIT 1)
-- text_columns
-- (none)
-- row_number
-- (none)
-- primary_key_count
-- (none)
