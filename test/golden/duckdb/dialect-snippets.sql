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
-- hash_text
hash(type, value)
-- portable_hash
CAST(CONCAT('0x', SUBSTR(md5(CAST(id AS VARCHAR)), 1, 15)) AS BIGINT)
-- levenshtein
CASE WHEN strlen(a.name) = length(a.name) AND strlen(b.name) = length(b.name) THEN levenshtein(a.name, b.name)
    ELSE list_transform([list_distinct(string_split(a.name || b.name, ''))], lambda cdp_d: levenshtein(CASE WHEN a.name = '' THEN '' ELSE array_to_string(list_transform(string_split(a.name, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN b.name = '' THEN '' ELSE array_to_string(list_transform(string_split(b.name, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END
-- hamming
CASE WHEN strlen(a.zip) = length(a.zip) AND strlen(b.zip) = length(b.zip) THEN hamming(a.zip, b.zip)
    ELSE list_transform([list_distinct(string_split(a.zip || b.zip, ''))], lambda cdp_d: hamming(CASE WHEN a.zip = '' THEN '' ELSE array_to_string(list_transform(string_split(a.zip, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN b.zip = '' THEN '' ELSE array_to_string(list_transform(string_split(b.zip, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END
-- jaro_winkler
CASE WHEN strlen(a.name) = length(a.name) AND strlen(b.name) = length(b.name) THEN jaro_winkler_similarity(a.name, b.name)
    ELSE list_transform([list_distinct(string_split(a.name || b.name, ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN a.name = '' THEN '' ELSE array_to_string(list_transform(string_split(a.name, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN b.name = '' THEN '' ELSE array_to_string(list_transform(string_split(b.name, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END
-- jaro_winkler_levels
CASE WHEN strlen(a.name) = length(a.name) AND strlen(b.name) = length(b.name) THEN jaro_winkler_similarity(a.name, b.name)
    ELSE list_transform([list_distinct(string_split(a.name || b.name, ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN a.name = '' THEN '' ELSE array_to_string(list_transform(string_split(a.name, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN b.name = '' THEN '' ELSE array_to_string(list_transform(string_split(b.name, ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END
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
