-- quote
"my schema"."odd ""name"""
-- literal
'it''s'
-- cast
CAST(phone AS VARCHAR)
-- sha256
sha256(lower(email))
-- regexp_replace
regexp_replace(phone, '[^0-9]', '', 'g')
-- regexp_contains
regexp_matches(email, '^[^@]+@')
-- hash_int
hash(id)
-- levenshtein
levenshtein(a.name, b.name)
-- hamming
hamming(a.zip, b.zip)
-- jaro_winkler
jaro_winkler_similarity(a.name, b.name)
-- jaro_winkler_levels
jaro_winkler_similarity(a.name, b.name)
-- jaro_winkler_key
-- (none)
-- date_add
(ordered_at + INTERVAL (-3) DAY)
-- date_diff
date_diff('day', first_seen, last_seen)
-- current_timestamp
current_timestamp
-- most_recent
first(email ORDER BY seen_at DESC, email ASC) FILTER (WHERE email IS NOT NULL AND seen_at IS NOT NULL)
-- most_frequent
list_sort(list_transform(map_entries(histogram(city)), lambda e: {'n': -e.value, 'v': e.key}))[1].v
-- text_columns
SELECT unnest(from_json('["a",null]', '["VARCHAR"]')) AS key, now() AS at
-- row_number
rowid
-- primary_key_count
SELECT COUNT(*) AS n FROM duckdb_constraints() WHERE schema_name = 'cdp_state'
         AND table_name = 's__snapshot' AND constraint_type = 'PRIMARY KEY'
