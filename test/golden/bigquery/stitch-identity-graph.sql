CREATE OR REPLACE VIEW `standin-project`.`cdp_demo`.`identity_graphwork_1` AS
SELECT * FROM (
select a_type, a_value, b_type, b_value, seen_at, source, weight from `standin-project`.`cdp_demo`.`identity_edges`
) AS edges;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_2` AS
SELECT a_type, CASE WHEN a_blocked IS NULL THEN a_value ELSE a_raw END AS a_value, a_blocked,
         FARM_FINGERPRINT(CONCAT(a_type, '|', a_value)) AS a_key,
         b_type, CASE WHEN b_blocked IS NULL THEN b_value ELSE b_raw END AS b_value, b_blocked,
         FARM_FINGERPRINT(CONCAT(b_type, '|', b_value)) AS b_key, seen_at, source, weight
       FROM (
         SELECT a_type, a_raw, a_value, CASE WHEN a_value IS NULL THEN 'empty or invalid after normalisation' WHEN LOWER(a_value) IN ('', 'null', 'none', 'nil', 'unknown', 'anonymous', 'undefined', 'n/a', 'na', '-', '-1', '0', 'test') THEN 'blocked value' WHEN REGEXP_CONTAINS(LOWER(a_value), '^(test|testing|noreply|no-reply|donotreply|do-not-reply|noemail|no-email|null|none|nobody|unknown|example|info|asdf|qwerty|fake|dummy)@') THEN 'blocked pattern ^(test|testing|noreply|no-reply|donotreply|do-not-reply|noemail|no-email|null|none|nobody|unknown|example|info|asdf|qwerty|fake|dummy)@' WHEN REGEXP_CONTAINS(LOWER(a_value), '^(office|contact|sales|admin|support|hello|team|billing|accounts|enquiries|inquiries|reception|orders|mail|hr|jobs)@') THEN 'blocked pattern ^(office|contact|sales|admin|support|hello|team|billing|accounts|enquiries|inquiries|reception|orders|mail|hr|jobs)@' WHEN REGEXP_CONTAINS(LOWER(a_value), '@(noemail|no-email|asdf|qwerty|none|fake|dummy|test|example)\\.') THEN 'blocked pattern @(noemail|no-email|asdf|qwerty|none|fake|dummy|test|example)\\.' WHEN REGEXP_CONTAINS(LOWER(a_value), '^[a-z]@[a-z]\\.[a-z]+$') THEN 'blocked pattern ^[a-z]@[a-z]\\.[a-z]+$' WHEN REGEXP_CONTAINS(LOWER(a_value), '(@|\\.)example\\.(com|org|net)$') THEN 'blocked pattern (@|\\.)example\\.(com|org|net)$' WHEN REGEXP_CONTAINS(LOWER(a_value), '^\\+?[0-9]{0,3}(0{7,}|1{7,}|2{7,}|3{7,}|4{7,}|5{7,}|6{7,}|7{7,}|8{7,}|9{7,})$') THEN 'blocked pattern ^\\+?[0-9]{0,3}(0{7,}|1{7,}|2{7,}|3{7,}|4{7,}|5{7,}|6{7,}|7{7,}|8{7,}|9{7,})$' WHEN REGEXP_CONTAINS(LOWER(a_value), '123456789') THEN 'blocked pattern 123456789' END AS a_blocked,
           b_type, b_raw, b_value, CASE WHEN b_value IS NULL THEN 'empty or invalid after normalisation' WHEN LOWER(b_value) IN ('', 'null', 'none', 'nil', 'unknown', 'anonymous', 'undefined', 'n/a', 'na', '-', '-1', '0', 'test') THEN 'blocked value' WHEN REGEXP_CONTAINS(LOWER(b_value), '^(test|testing|noreply|no-reply|donotreply|do-not-reply|noemail|no-email|null|none|nobody|unknown|example|info|asdf|qwerty|fake|dummy)@') THEN 'blocked pattern ^(test|testing|noreply|no-reply|donotreply|do-not-reply|noemail|no-email|null|none|nobody|unknown|example|info|asdf|qwerty|fake|dummy)@' WHEN REGEXP_CONTAINS(LOWER(b_value), '^(office|contact|sales|admin|support|hello|team|billing|accounts|enquiries|inquiries|reception|orders|mail|hr|jobs)@') THEN 'blocked pattern ^(office|contact|sales|admin|support|hello|team|billing|accounts|enquiries|inquiries|reception|orders|mail|hr|jobs)@' WHEN REGEXP_CONTAINS(LOWER(b_value), '@(noemail|no-email|asdf|qwerty|none|fake|dummy|test|example)\\.') THEN 'blocked pattern @(noemail|no-email|asdf|qwerty|none|fake|dummy|test|example)\\.' WHEN REGEXP_CONTAINS(LOWER(b_value), '^[a-z]@[a-z]\\.[a-z]+$') THEN 'blocked pattern ^[a-z]@[a-z]\\.[a-z]+$' WHEN REGEXP_CONTAINS(LOWER(b_value), '(@|\\.)example\\.(com|org|net)$') THEN 'blocked pattern (@|\\.)example\\.(com|org|net)$' WHEN REGEXP_CONTAINS(LOWER(b_value), '^\\+?[0-9]{0,3}(0{7,}|1{7,}|2{7,}|3{7,}|4{7,}|5{7,}|6{7,}|7{7,}|8{7,}|9{7,})$') THEN 'blocked pattern ^\\+?[0-9]{0,3}(0{7,}|1{7,}|2{7,}|3{7,}|4{7,}|5{7,}|6{7,}|7{7,}|8{7,}|9{7,})$' WHEN REGEXP_CONTAINS(LOWER(b_value), '123456789') THEN 'blocked pattern 123456789' END AS b_blocked, seen_at, source, weight
         FROM (SELECT CAST(a_type AS STRING) AS a_type, CAST(a_value AS STRING) AS a_raw,
           CASE CAST(a_type AS STRING) WHEN 'email' THEN CASE WHEN REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\s', '')), '@(gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com)$', '@gmail.com'), '@(hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con)$', '@hotmail.com'), '@(yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con)$', '@yahoo.com'), '@(outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con)$', '@outlook.com'), '@(iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con)$', '@icloud.com'), '^([^@+]+)\\+[^@]*@(gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com)$', '\\1@\\2') LIKE '%@gmail.com' THEN CONCAT(REPLACE(SUBSTR(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\s', '')), '@(gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com)$', '@gmail.com'), '@(hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con)$', '@hotmail.com'), '@(yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con)$', '@yahoo.com'), '@(outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con)$', '@outlook.com'), '@(iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con)$', '@icloud.com'), '^([^@+]+)\\+[^@]*@(gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com)$', '\\1@\\2'), 1, LENGTH(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\s', '')), '@(gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com)$', '@gmail.com'), '@(hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con)$', '@hotmail.com'), '@(yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con)$', '@yahoo.com'), '@(outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con)$', '@outlook.com'), '@(iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con)$', '@icloud.com'), '^([^@+]+)\\+[^@]*@(gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com)$', '\\1@\\2')) - 10), '.', ''), '@gmail.com') ELSE REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\s', '')), '@(gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com)$', '@gmail.com'), '@(hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con)$', '@hotmail.com'), '@(yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con)$', '@yahoo.com'), '@(outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con)$', '@outlook.com'), '@(iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con)$', '@icloud.com'), '^([^@+]+)\\+[^@]*@(gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com)$', '\\1@\\2') END WHEN 'phone' THEN CASE WHEN REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '') IS NULL OR LENGTH(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '')) < 8 THEN NULL ELSE CASE
      WHEN REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', '') LIKE '+%' THEN CONCAT('+', REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', ''))
      WHEN REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', '') LIKE '00%' THEN CONCAT('+', SUBSTR(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', ''), 3))
      WHEN REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', '') LIKE '0%' THEN CONCAT('+', '1', SUBSTR(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', ''), 2))
      WHEN '1' = '1' AND LENGTH(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '')) = 11 AND REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '') LIKE '1%' THEN CONCAT('+', REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', ''))
      ELSE CONCAT('+', '1', REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(a_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '')) END END WHEN 'anon' THEN LOWER(NULLIF(TRIM(CAST(a_value AS STRING)), '')) WHEN 'device' THEN LOWER(NULLIF(TRIM(CAST(a_value AS STRING)), '')) WHEN 'user_id' THEN NULLIF(TRIM(CAST(a_value AS STRING)), '') ELSE NULLIF(TRIM(CAST(a_value AS STRING)), '') END AS a_value, CAST(b_type AS STRING) AS b_type, CAST(b_value AS STRING) AS b_raw,
           CASE CAST(b_type AS STRING) WHEN 'email' THEN CASE WHEN REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\s', '')), '@(gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com)$', '@gmail.com'), '@(hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con)$', '@hotmail.com'), '@(yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con)$', '@yahoo.com'), '@(outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con)$', '@outlook.com'), '@(iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con)$', '@icloud.com'), '^([^@+]+)\\+[^@]*@(gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com)$', '\\1@\\2') LIKE '%@gmail.com' THEN CONCAT(REPLACE(SUBSTR(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\s', '')), '@(gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com)$', '@gmail.com'), '@(hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con)$', '@hotmail.com'), '@(yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con)$', '@yahoo.com'), '@(outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con)$', '@outlook.com'), '@(iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con)$', '@icloud.com'), '^([^@+]+)\\+[^@]*@(gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com)$', '\\1@\\2'), 1, LENGTH(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\s', '')), '@(gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com)$', '@gmail.com'), '@(hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con)$', '@hotmail.com'), '@(yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con)$', '@yahoo.com'), '@(outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con)$', '@outlook.com'), '@(iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con)$', '@icloud.com'), '^([^@+]+)\\+[^@]*@(gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com)$', '\\1@\\2')) - 10), '.', ''), '@gmail.com') ELSE REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(LOWER(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\s', '')), '@(gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com)$', '@gmail.com'), '@(hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con)$', '@hotmail.com'), '@(yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con)$', '@yahoo.com'), '@(outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con)$', '@outlook.com'), '@(iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con)$', '@icloud.com'), '^([^@+]+)\\+[^@]*@(gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com)$', '\\1@\\2') END WHEN 'phone' THEN CASE WHEN REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '') IS NULL OR LENGTH(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '')) < 8 THEN NULL ELSE CASE
      WHEN REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', '') LIKE '+%' THEN CONCAT('+', REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', ''))
      WHEN REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', '') LIKE '00%' THEN CONCAT('+', SUBSTR(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', ''), 3))
      WHEN REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', '') LIKE '0%' THEN CONCAT('+', '1', SUBSTR(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', ''), 2))
      WHEN '1' = '1' AND LENGTH(REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '')) = 11 AND REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '') LIKE '1%' THEN CONCAT('+', REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', ''))
      ELSE CONCAT('+', '1', REGEXP_REPLACE(REGEXP_REPLACE(REGEXP_REPLACE(NULLIF(TRIM(CAST(b_value AS STRING)), ''), '\\(0\\)', ''), '[^0-9+]', ''), '[^0-9]', '')) END END WHEN 'anon' THEN LOWER(NULLIF(TRIM(CAST(b_value AS STRING)), '')) WHEN 'device' THEN LOWER(NULLIF(TRIM(CAST(b_value AS STRING)), '')) WHEN 'user_id' THEN NULLIF(TRIM(CAST(b_value AS STRING)), '') ELSE NULLIF(TRIM(CAST(b_value AS STRING)), '') END AS b_value, CAST(seen_at AS TIMESTAMP) AS seen_at, CAST(source AS STRING) AS source, CAST(weight AS FLOAT64) AS weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_1`) AS n
         WHERE a_type IS NOT NULL
       ) AS checked;

SELECT type FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0)
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0)) AS ends GROUP BY type ORDER BY type;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_3` AS
SELECT CAST(0 + ROW_NUMBER() OVER (ORDER BY value) AS INT64) AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND a_type = 'anon'
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND b_type = 'anon') AS ends GROUP BY type, value, key) AS v;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_3` (id, type, value, key, single) SELECT CAST(2820 + ROW_NUMBER() OVER (ORDER BY value) AS INT64) AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND a_type = 'contact'
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND b_type = 'contact') AS ends GROUP BY type, value, key) AS v;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_3` (id, type, value, key, single) SELECT CAST(4118 + ROW_NUMBER() OVER (ORDER BY value) AS INT64) AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND a_type = 'device'
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND b_type = 'device') AS ends GROUP BY type, value, key) AS v;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_3` (id, type, value, key, single) SELECT CAST(4826 + ROW_NUMBER() OVER (ORDER BY value) AS INT64) AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND a_type = 'email'
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND b_type = 'email') AS ends GROUP BY type, value, key) AS v;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_3` (id, type, value, key, single) SELECT CAST(7317 + ROW_NUMBER() OVER (ORDER BY value) AS INT64) AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND a_type = 'loyalty'
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND b_type = 'loyalty') AS ends GROUP BY type, value, key) AS v;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_3` (id, type, value, key, single) SELECT CAST(7873 + ROW_NUMBER() OVER (ORDER BY value) AS INT64) AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND a_type = 'phone'
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND b_type = 'phone') AS ends GROUP BY type, value, key) AS v;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_3` (id, type, value, key, single) SELECT CAST(10119 + ROW_NUMBER() OVER (ORDER BY value) AS INT64) AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND a_type = 'ticket'
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND b_type = 'ticket') AS ends GROUP BY type, value, key) AS v;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_3` (id, type, value, key, single) SELECT CAST(11207 + ROW_NUMBER() OVER (ORDER BY value) AS INT64) AS id, type, value, key, single
     FROM (SELECT type, value, key, COUNT(*) = 1 AS single FROM (SELECT a_type AS type, a_value AS value, a_key AS key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE a_blocked IS NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND a_type = 'user_id'
       UNION ALL
       SELECT b_type, b_value, b_key FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS norm WHERE b_blocked IS NULL AND b_type IS NOT NULL AND (norm.weight IS NULL OR norm.weight >= 0) AND b_type = 'user_id') AS ends GROUP BY type, value, key) AS v;

SELECT COUNT(*) - COUNT(DISTINCT key) AS n FROM `standin-project`.`cdp_demo`.`identity_graphwork_3`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_4` AS
WITH pairs AS (
         SELECT LEAST(na.id, nb.id) AS src, GREATEST(na.id, nb.id) AS dst,
           CASE WHEN na.id < nb.id THEN na.key ELSE nb.key END AS src_key,
           CASE WHEN na.id < nb.id THEN nb.key ELSE na.key END AS dst_key,
           CASE WHEN na.id < nb.id THEN na.single ELSE nb.single END AS src_leaf,
           CASE WHEN na.id < nb.id THEN nb.single ELSE na.single END AS dst_leaf, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS e
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS na ON na.key = e.a_key
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS nb ON nb.key = e.b_key
         WHERE e.a_blocked IS NULL AND e.b_blocked IS NULL AND na.id <> nb.id AND (e.weight IS NULL OR e.weight >= 0)
       ), links AS (
         SELECT src, dst, src_key, dst_key, src_leaf, dst_leaf, MAX(seen_at) AS seen_at, MIN(source) AS source, CASE WHEN COUNT(*) > COUNT(weight) THEN NULL ELSE MAX(weight) END AS weight
         FROM pairs GROUP BY src, dst, src_key, dst_key, src_leaf, dst_leaf
       )
       SELECT src, dst, src_key, dst_key, src_leaf, dst_leaf, seen_at, source, weight FROM links;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_5` AS
WITH pairs AS (
         SELECT LEAST(na.id, nb.id) AS src, GREATEST(na.id, nb.id) AS dst,
           CASE WHEN na.id < nb.id THEN na.key ELSE nb.key END AS src_key,
           CASE WHEN na.id < nb.id THEN nb.key ELSE na.key END AS dst_key,
           CASE WHEN na.id < nb.id THEN na.single ELSE nb.single END AS src_leaf,
           CASE WHEN na.id < nb.id THEN nb.single ELSE na.single END AS dst_leaf, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` AS e
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS na ON na.key = e.a_key
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS nb ON nb.key = e.b_key
         WHERE e.a_blocked IS NULL AND e.b_blocked IS NULL AND na.id <> nb.id AND e.weight < 0
       ), links AS (
         SELECT src, dst, src_key, dst_key, src_leaf, dst_leaf, MIN(weight) AS weight
         FROM pairs GROUP BY src, dst, src_key, dst_key, src_leaf, dst_leaf
       )
       SELECT src, dst, src_key, dst_key, weight FROM links UNION ALL SELECT dst, src, dst_key, src_key, weight FROM links;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_6` AS
SELECT DISTINCT identifier_type, identifier, 'blocked' AS reason, detail FROM (
       SELECT a_type AS identifier_type, a_value AS identifier, a_blocked AS detail FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` WHERE a_blocked IS NOT NULL
       UNION ALL
       SELECT b_type, b_value, b_blocked FROM `standin-project`.`cdp_demo`.`identity_graphwork_2` WHERE b_blocked IS NOT NULL AND b_type IS NOT NULL
     ) AS blocked WHERE identifier IS NOT NULL AND TRIM(identifier) <> '';

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_7` AS
SELECT id, degree, max_degree FROM (
         SELECT e.src AS id, COUNT(*) AS degree, CASE n.type WHEN 'anon' THEN 3 WHEN 'device' THEN 5 ELSE 25 END AS max_degree
         FROM (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n ON n.id = e.src GROUP BY e.src, n.type
       ) AS d WHERE degree > max_degree;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_8` AS
SELECT n.type AS identifier_type, n.value AS identifier, 'hub' AS reason,
       CONCAT('linked to ', CAST(h.degree AS STRING), ' identifiers (limit ', CAST(h.max_degree AS STRING), ')') AS detail
     FROM `standin-project`.`cdp_demo`.`identity_graphwork_7` AS h JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n ON n.id = h.id;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_6` (`identifier_type`, `identifier`, `reason`, `detail`)
SELECT `identifier_type`, `identifier`, `reason`, `detail` FROM `standin-project`.`cdp_demo`.`identity_graphwork_8`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_4` AS
SELECT e.* FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` AS e WHERE NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_7` AS h WHERE h.id = e.src)
       AND NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_7` AS h WHERE h.id = e.dst);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_3` AS
SELECT n.* FROM `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n WHERE NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_7` AS h WHERE h.id = n.id);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_9` AS
SELECT src, dst, a_type, a_value, b_type, b_value, max_links FROM (
         SELECT e.src, e.dst, na.type AS a_type, na.value AS a_value, nb.type AS b_type, nb.value AS b_value,
           CASE WHEN na.type = 'anon' AND nb.type = 'user_id' THEN 1 WHEN na.type = 'device' AND nb.type = 'user_id' THEN 1 END AS max_links,
           ROW_NUMBER() OVER (PARTITION BY e.src, nb.type ORDER BY CASE WHEN e.source = 'app' THEN 0 WHEN e.source = 'orders' THEN 1 WHEN e.source = 'crm' THEN 2 WHEN e.source = 'loyalty' THEN 3 WHEN e.source = 'support' THEN 4 WHEN e.source = 'web' THEN 5 ELSE 6 END, e.seen_at DESC, nb.id) AS r
         FROM (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS na ON na.id = e.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS nb ON nb.id = e.dst
         WHERE (na.type = 'anon' AND nb.type = 'user_id') OR (na.type = 'device' AND nb.type = 'user_id')
       ) AS ranked WHERE r > max_links;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_10` AS
SELECT a_type AS identifier_type, a_value AS identifier, 'link_limit' AS reason,
       CONCAT('link to ', b_type, ' ', b_value, ' cut: at most ', CAST(max_links AS STRING), ' ', b_type, ' per ', a_type) AS detail
     FROM `standin-project`.`cdp_demo`.`identity_graphwork_9`;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_6` (`identifier_type`, `identifier`, `reason`, `detail`)
SELECT `identifier_type`, `identifier`, `reason`, `detail` FROM `standin-project`.`cdp_demo`.`identity_graphwork_10`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_4` AS
SELECT e.* FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` AS e WHERE NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_9` AS c WHERE c.src = e.src AND c.dst = e.dst)
       AND NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_9` AS c WHERE c.src = e.dst AND c.dst = e.src);

SELECT COUNT(*) AS n FROM `standin-project`.`cdp_demo`.`identity_graphwork_5`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_11` AS
SELECT src, dst, src_leaf, dst_leaf FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` WHERE weight IS NULL;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_12` AS
SELECT CASE WHEN src_leaf AND NOT dst_leaf THEN src ELSE dst END AS node, CASE WHEN src_leaf AND NOT dst_leaf THEN dst ELSE src END AS target
           FROM `standin-project`.`cdp_demo`.`identity_graphwork_11` WHERE src < dst AND (src_leaf OR dst_leaf);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_11` WHERE src < dst AND NOT src_leaf AND NOT dst_leaf;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_14` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 2) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 2) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_15` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 3) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 3) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_15` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_15` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_16` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 4) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 4) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_16` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_16` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_17` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 5) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 5) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_16` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_15` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_14` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_19` AS
SELECT n.id, COALESCE(x.target, p.target, n.id) AS label FROM `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n
           LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_12` AS p ON p.node = n.id LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = COALESCE(p.target, n.id);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_20` AS
SELECT id, MIN(id) OVER (PARTITION BY label) AS label FROM `standin-project`.`cdp_demo`.`identity_graphwork_19`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_21` AS
SELECT g, h, SUM(weight) AS weight FROM (
       SELECT a.label AS g, b.label AS h, e.weight FROM (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e
       JOIN `standin-project`.`cdp_demo`.`identity_graphwork_20` AS a ON a.id = e.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_20` AS b ON b.id = e.dst
       WHERE e.weight IS NOT NULL AND a.label <> b.label
     ) AS l GROUP BY g, h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_22` AS
SELECT a.label AS g, b.label AS h, SUM(c.weight) AS weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_5` AS c
     JOIN `standin-project`.`cdp_demo`.`identity_graphwork_20` AS a ON a.id = c.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_20` AS b ON b.id = c.dst WHERE a.label <> b.label
     GROUP BY a.label, b.label;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_23` AS
SELECT DISTINCT label AS id FROM `standin-project`.`cdp_demo`.`identity_graphwork_20`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_24` AS
SELECT g AS src, h AS dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_21`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_25` AS
SELECT src AS node, COUNT(*) AS degree, MIN(dst) AS neighbour FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_24` WHERE src < dst UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_24` WHERE src < dst) AS g GROUP BY src;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_12` AS
SELECT l.node, CASE WHEN n.degree = 1 THEN LEAST(l.node, l.neighbour) ELSE l.neighbour END AS target
           FROM `standin-project`.`cdp_demo`.`identity_graphwork_25` AS l JOIN `standin-project`.`cdp_demo`.`identity_graphwork_25` AS n ON n.node = l.neighbour
           WHERE l.degree = 1 AND NOT (n.degree = 1 AND l.neighbour > l.node);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT g.src, g.dst FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_24` WHERE src < dst) AS g
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_25` AS a ON a.node = g.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_25` AS b ON b.node = g.dst
         WHERE a.degree > 1 AND b.degree > 1;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_14` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 2) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 2) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_26` AS
SELECT n.id, COALESCE(x.target, p.target, n.id) AS label FROM `standin-project`.`cdp_demo`.`identity_graphwork_23` AS n
           LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_12` AS p ON p.node = n.id LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS x ON x.node = COALESCE(p.target, n.id);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_27` AS
SELECT DISTINCT ca.label AS comp FROM `standin-project`.`cdp_demo`.`identity_graphwork_22` AS x
       JOIN `standin-project`.`cdp_demo`.`identity_graphwork_26` AS ca ON ca.id = x.g JOIN `standin-project`.`cdp_demo`.`identity_graphwork_26` AS cb ON cb.id = x.h WHERE ca.label = cb.label;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_28` AS
SELECT c.id AS g, c.id AS cur FROM `standin-project`.`cdp_demo`.`identity_graphwork_26` AS c JOIN `standin-project`.`cdp_demo`.`identity_graphwork_27` AS k ON k.comp = c.label;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_29` AS
SELECT g, h, SUM(weight) AS weight FROM (
         SELECT g, h, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_21` UNION ALL SELECT g, h, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_22`
       ) AS l WHERE EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_28` AS c WHERE c.g = l.g) GROUP BY g, h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_30` AS
SELECT g, h FROM (
           SELECT g, h, ROW_NUMBER() OVER (PARTITION BY g ORDER BY weight DESC, h) AS r
           FROM `standin-project`.`cdp_demo`.`identity_graphwork_29` WHERE weight > 0
         ) AS ranked WHERE r = 1;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_31` AS
SELECT b.h AS gone, b.g AS keep FROM `standin-project`.`cdp_demo`.`identity_graphwork_30` AS b JOIN `standin-project`.`cdp_demo`.`identity_graphwork_30` AS o ON o.g = b.h AND o.h = b.g WHERE b.g < b.h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_29` AS
SELECT g, h, SUM(weight) AS weight FROM (
           SELECT COALESCE(a.keep, l.g) AS g, COALESCE(b.keep, l.h) AS h, l.weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_29` AS l
           LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS a ON a.gone = l.g LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS b ON b.gone = l.h
         ) AS r WHERE g <> h GROUP BY g, h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_28` AS
SELECT c.g, COALESCE(m.keep, c.cur) AS cur FROM `standin-project`.`cdp_demo`.`identity_graphwork_28` AS c LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS m ON m.gone = c.cur;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_30` AS
SELECT g, h FROM (
           SELECT g, h, ROW_NUMBER() OVER (PARTITION BY g ORDER BY weight DESC, h) AS r
           FROM `standin-project`.`cdp_demo`.`identity_graphwork_29` WHERE weight > 0
         ) AS ranked WHERE r = 1;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_31` AS
SELECT b.h AS gone, b.g AS keep FROM `standin-project`.`cdp_demo`.`identity_graphwork_30` AS b JOIN `standin-project`.`cdp_demo`.`identity_graphwork_30` AS o ON o.g = b.h AND o.h = b.g WHERE b.g < b.h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_29` AS
SELECT g, h, SUM(weight) AS weight FROM (
           SELECT COALESCE(a.keep, l.g) AS g, COALESCE(b.keep, l.h) AS h, l.weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_29` AS l
           LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS a ON a.gone = l.g LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS b ON b.gone = l.h
         ) AS r WHERE g <> h GROUP BY g, h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_28` AS
SELECT c.g, COALESCE(m.keep, c.cur) AS cur FROM `standin-project`.`cdp_demo`.`identity_graphwork_28` AS c LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS m ON m.gone = c.cur;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_30` AS
SELECT g, h FROM (
           SELECT g, h, ROW_NUMBER() OVER (PARTITION BY g ORDER BY weight DESC, h) AS r
           FROM `standin-project`.`cdp_demo`.`identity_graphwork_29` WHERE weight > 0
         ) AS ranked WHERE r = 1;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_31` AS
SELECT b.h AS gone, b.g AS keep FROM `standin-project`.`cdp_demo`.`identity_graphwork_30` AS b JOIN `standin-project`.`cdp_demo`.`identity_graphwork_30` AS o ON o.g = b.h AND o.h = b.g WHERE b.g < b.h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_29` AS
SELECT g, h, SUM(weight) AS weight FROM (
           SELECT COALESCE(a.keep, l.g) AS g, COALESCE(b.keep, l.h) AS h, l.weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_29` AS l
           LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS a ON a.gone = l.g LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS b ON b.gone = l.h
         ) AS r WHERE g <> h GROUP BY g, h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_28` AS
SELECT c.g, COALESCE(m.keep, c.cur) AS cur FROM `standin-project`.`cdp_demo`.`identity_graphwork_28` AS c LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_31` AS m ON m.gone = c.cur;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_30` AS
SELECT g, h FROM (
           SELECT g, h, ROW_NUMBER() OVER (PARTITION BY g ORDER BY weight DESC, h) AS r
           FROM `standin-project`.`cdp_demo`.`identity_graphwork_29` WHERE weight > 0
         ) AS ranked WHERE r = 1;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_31` AS
SELECT b.h AS gone, b.g AS keep FROM `standin-project`.`cdp_demo`.`identity_graphwork_30` AS b JOIN `standin-project`.`cdp_demo`.`identity_graphwork_30` AS o ON o.g = b.h AND o.h = b.g WHERE b.g < b.h;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_32` AS
SELECT g.id, COALESCE(c.cur, k.label) AS label, n.type, n.value FROM `standin-project`.`cdp_demo`.`identity_graphwork_20` AS g
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n ON n.id = g.id
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_26` AS k ON k.id = g.label LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_28` AS c ON c.g = g.label;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_33` AS
WITH cut AS (
         SELECT e.src, e.dst, e.weight, la.label AS pa, lb.label AS pb FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` AS e
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS la ON la.id = e.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS lb ON lb.id = e.dst
         WHERE e.weight IS NOT NULL AND e.src < e.dst AND la.label <> lb.label
       ), why AS (
         SELECT cut.src, cut.dst, c.src AS x, c.dst AS y, c.weight AS against,
           ROW_NUMBER() OVER (PARTITION BY cut.src, cut.dst ORDER BY c.weight, c.src, c.dst) AS r
         FROM cut JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS lx ON lx.label = cut.pa
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_5` AS c ON c.src = lx.id
         JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS ly ON ly.id = c.dst AND ly.label = cut.pb
       )
       SELECT na.type AS identifier_type, na.value AS identifier, 'cannot_link' AS reason,
         CONCAT('link to ', nb.type, ' ', nb.value, ' (weight ', CONCAT(CASE WHEN cut.weight < 0 THEN '-' ELSE '+' END, CAST(CAST(FLOOR(ROUND(ABS(cut.weight) * 10) / 10) AS INT64) AS STRING), '.', CAST(MOD(CAST(ROUND(ABS(cut.weight) * 10) AS INT64), 10) AS STRING)), ') cut: ',
           COALESCE(CONCAT(nx.type, ' ', nx.value, ' and ', ny.type, ' ', ny.value, ' are different people (weight ', CONCAT(CASE WHEN w.against < 0 THEN '-' ELSE '+' END, CAST(CAST(FLOOR(ROUND(ABS(w.against) * 10) / 10) AS INT64) AS STRING), '.', CAST(MOD(CAST(ROUND(ABS(w.against) * 10) AS INT64), 10) AS STRING)), ')'),
             'no merge allowed within the round limit')) AS detail
       FROM cut JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS na ON na.id = cut.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS nb ON nb.id = cut.dst
       LEFT JOIN why AS w ON w.src = cut.src AND w.dst = cut.dst AND w.r = 1
       LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS nx ON nx.id = w.x LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS ny ON ny.id = w.y;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_6` (`identifier_type`, `identifier`, `reason`, `detail`)
SELECT `identifier_type`, `identifier`, `reason`, `detail` FROM `standin-project`.`cdp_demo`.`identity_graphwork_33`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_34` AS
SELECT * FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_4` AS
SELECT e.* FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` AS e JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS a ON a.id = e.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS b ON b.id = e.dst WHERE a.label = b.label;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_35` AS
WITH scored AS (
         SELECT n.id, n.type, n.value, l.label AS comp, CASE n.type WHEN 'user_id' THEN 2 WHEN 'email' THEN 3 WHEN 'phone' THEN 3 END AS max_per_profile,
           MIN(CASE WHEN e.source = 'app' THEN 0 WHEN e.source = 'orders' THEN 1 WHEN e.source = 'crm' THEN 2 WHEN e.source = 'loyalty' THEN 3 WHEN e.source = 'support' THEN 4 WHEN e.source = 'web' THEN 5 ELSE 6 END) AS best_priority, MAX(e.seen_at) AS last_seen, COUNT(e.dst) AS degree
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS l ON l.id = n.id
         LEFT JOIN (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e ON e.src = n.id
         WHERE n.type IN ('user_id', 'email', 'phone')
         GROUP BY n.id, n.type, n.value, l.label
       )
       SELECT id, type, value, comp, max_per_profile,
         ROW_NUMBER() OVER (PARTITION BY comp, type ORDER BY best_priority, last_seen DESC, degree DESC, id) AS rank_in_profile
       FROM scored;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_36` AS
SELECT id, type, value, comp FROM `standin-project`.`cdp_demo`.`identity_graphwork_35` WHERE rank_in_profile > max_per_profile;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_37` AS
SELECT e.src, e.dst FROM (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e JOIN `standin-project`.`cdp_demo`.`identity_graphwork_36` AS x ON x.id = e.src
         WHERE EXISTS (
           SELECT 1 FROM (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS o JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS on_ ON on_.id = o.dst
           WHERE o.src = e.dst AND on_.type = x.type AND o.dst <> x.id
         );

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_38` AS
SELECT DISTINCT a.type AS identifier_type, a.value AS identifier, 'limit' AS reason,
         CONCAT('edge to ', b.type, ' ', b.value, ' cut: profile over its ', a.type, ' limit') AS detail
       FROM `standin-project`.`cdp_demo`.`identity_graphwork_37` AS c JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS a ON a.id = c.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS b ON b.id = c.dst;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_6` (`identifier_type`, `identifier`, `reason`, `detail`)
SELECT `identifier_type`, `identifier`, `reason`, `detail` FROM `standin-project`.`cdp_demo`.`identity_graphwork_38`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_4` AS
SELECT e.* FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` AS e WHERE NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_37` AS c WHERE c.src = e.src AND c.dst = e.dst)
       AND NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_37` AS c WHERE c.src = e.dst AND c.dst = e.src);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_12` AS
SELECT CASE WHEN src_leaf AND NOT dst_leaf THEN src ELSE dst END AS node, CASE WHEN src_leaf AND NOT dst_leaf THEN dst ELSE src END AS target
           FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` WHERE src < dst AND (src_leaf OR dst_leaf);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` WHERE src < dst AND NOT src_leaf AND NOT dst_leaf;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_14` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 2) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 2) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_15` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 3) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 3) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_15` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_15` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_16` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 4) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 4) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_16` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_16` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_17` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 5) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 5) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_16` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_15` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_14` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_32` AS
SELECT n.id, COALESCE(x.target, p.target, n.id) AS label, n.type, n.value FROM `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n
           LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_12` AS p ON p.node = n.id LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = COALESCE(p.target, n.id);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_35` AS
WITH scored AS (
         SELECT n.id, n.type, n.value, l.label AS comp, CASE n.type WHEN 'user_id' THEN 2 WHEN 'email' THEN 3 WHEN 'phone' THEN 3 END AS max_per_profile,
           MIN(CASE WHEN e.source = 'app' THEN 0 WHEN e.source = 'orders' THEN 1 WHEN e.source = 'crm' THEN 2 WHEN e.source = 'loyalty' THEN 3 WHEN e.source = 'support' THEN 4 WHEN e.source = 'web' THEN 5 ELSE 6 END) AS best_priority, MAX(e.seen_at) AS last_seen, COUNT(e.dst) AS degree
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS l ON l.id = n.id
         LEFT JOIN (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e ON e.src = n.id
         WHERE n.type IN ('user_id', 'email', 'phone')
         GROUP BY n.id, n.type, n.value, l.label
       )
       SELECT id, type, value, comp, max_per_profile,
         ROW_NUMBER() OVER (PARTITION BY comp, type ORDER BY best_priority, last_seen DESC, degree DESC, id) AS rank_in_profile
       FROM scored;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_36` AS
SELECT id, type, value, comp FROM `standin-project`.`cdp_demo`.`identity_graphwork_35` WHERE rank_in_profile > max_per_profile;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_37` AS
SELECT e.src, e.dst FROM (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e JOIN `standin-project`.`cdp_demo`.`identity_graphwork_36` AS x ON x.id = e.src
         WHERE EXISTS (
           SELECT 1 FROM (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS o JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS on_ ON on_.id = o.dst
           WHERE o.src = e.dst AND on_.type = x.type AND o.dst <> x.id
         );

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_37` AS
SELECT e.src, e.dst FROM (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e JOIN `standin-project`.`cdp_demo`.`identity_graphwork_36` AS x ON x.id = e.src;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_38` AS
SELECT DISTINCT a.type AS identifier_type, a.value AS identifier, 'limit' AS reason,
         CONCAT('edge to ', b.type, ' ', b.value, ' cut: profile over its ', a.type, ' limit') AS detail
       FROM `standin-project`.`cdp_demo`.`identity_graphwork_37` AS c JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS a ON a.id = c.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_3` AS b ON b.id = c.dst;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graphwork_6` (`identifier_type`, `identifier`, `reason`, `detail`)
SELECT `identifier_type`, `identifier`, `reason`, `detail` FROM `standin-project`.`cdp_demo`.`identity_graphwork_38`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_4` AS
SELECT e.* FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` AS e WHERE NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_37` AS c WHERE c.src = e.src AND c.dst = e.dst)
       AND NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graphwork_37` AS c WHERE c.src = e.dst AND c.dst = e.src);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_12` AS
SELECT CASE WHEN src_leaf AND NOT dst_leaf THEN src ELSE dst END AS node, CASE WHEN src_leaf AND NOT dst_leaf THEN dst ELSE src END AS target
           FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` WHERE src < dst AND (src_leaf OR dst_leaf);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` WHERE src < dst AND NOT src_leaf AND NOT dst_leaf;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_14` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 2) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 2) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_14` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_15` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 3) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 3) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_15` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_15` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_16` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 4) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 4) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_16` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_16` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_17` AS
WITH first_pick AS (
             SELECT src AS node, MOD(LEAST(MIN((CAST(MOD(MOD(FARM_FINGERPRINT(CAST((dst * 1000003 + 5) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + dst)), (CAST(MOD(MOD(FARM_FINGERPRINT(CAST((src * 1000003 + 5) AS STRING)), 2147483648) + 2147483648, 2147483648) AS INT64) * 4294967296 + src)), 4294967296) AS target
             FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13` UNION ALL SELECT dst, src FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g GROUP BY src
           )
           SELECT p.node, t.target FROM first_pick AS p JOIN first_pick AS t ON t.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_13` AS
SELECT DISTINCT LEAST(a.target, b.target) AS src, GREATEST(a.target, b.target) AS dst
           FROM (SELECT src, dst FROM `standin-project`.`cdp_demo`.`identity_graphwork_13`) AS g
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS a ON a.node = g.src
           JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS b ON b.node = g.dst
           WHERE a.target <> b.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_16` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_17` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_15` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_18` AS
SELECT p.node, COALESCE(x.target, p.target) AS target
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_14` AS p LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = p.target;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_32` AS
SELECT n.id, COALESCE(x.target, p.target, n.id) AS label, n.type, n.value FROM `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n
           LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_12` AS p ON p.node = n.id LEFT JOIN `standin-project`.`cdp_demo`.`identity_graphwork_18` AS x ON x.node = COALESCE(p.target, n.id);

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_35` AS
WITH scored AS (
         SELECT n.id, n.type, n.value, l.label AS comp, CASE n.type WHEN 'user_id' THEN 2 WHEN 'email' THEN 3 WHEN 'phone' THEN 3 END AS max_per_profile,
           MIN(CASE WHEN e.source = 'app' THEN 0 WHEN e.source = 'orders' THEN 1 WHEN e.source = 'crm' THEN 2 WHEN e.source = 'loyalty' THEN 3 WHEN e.source = 'support' THEN 4 WHEN e.source = 'web' THEN 5 ELSE 6 END) AS best_priority, MAX(e.seen_at) AS last_seen, COUNT(e.dst) AS degree
         FROM `standin-project`.`cdp_demo`.`identity_graphwork_3` AS n JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS l ON l.id = n.id
         LEFT JOIN (SELECT src, dst, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4` UNION ALL SELECT dst, src, seen_at, source, weight FROM `standin-project`.`cdp_demo`.`identity_graphwork_4`) AS e ON e.src = n.id
         WHERE n.type IN ('user_id', 'email', 'phone')
         GROUP BY n.id, n.type, n.value, l.label
       )
       SELECT id, type, value, comp, max_per_profile,
         ROW_NUMBER() OVER (PARTITION BY comp, type ORDER BY best_priority, last_seen DESC, degree DESC, id) AS rank_in_profile
       FROM scored;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_36` AS
SELECT id, type, value, comp FROM `standin-project`.`cdp_demo`.`identity_graphwork_35` WHERE rank_in_profile > max_per_profile;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graph__profiles` AS
SELECT CAST(NULL AS STRING) AS profile_id, CAST(NULL AS TIMESTAMP) AS created_at, CAST(NULL AS STRING) AS created_run WHERE 1 = 0;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graph__merges` AS
SELECT CAST(NULL AS STRING) AS old_profile_id, CAST(NULL AS STRING) AS new_profile_id, CAST(NULL AS STRING) AS reason, CAST(NULL AS STRING) AS run_id, CAST(NULL AS TIMESTAMP) AS recorded_at WHERE 1 = 0;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_39` AS
SELECT label AS comp, CAST(NULL AS STRING) AS old_id FROM `standin-project`.`cdp_demo`.`identity_graphwork_32` WHERE 1 = 0;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_40` AS
WITH spread AS (
       SELECT old_id, COUNT(*) AS parts FROM `standin-project`.`cdp_demo`.`identity_graphwork_39` GROUP BY old_id
     ), intact AS (
       SELECT c.comp, c.old_id, p.created_at FROM `standin-project`.`cdp_demo`.`identity_graphwork_39` AS c
       JOIN spread AS s ON s.old_id = c.old_id AND s.parts = 1
       LEFT JOIN `standin-project`.`cdp_demo`.`identity_graph__profiles` AS p ON p.profile_id = c.old_id
     ), ranked AS (
       SELECT comp, old_id, ROW_NUMBER() OVER (PARTITION BY comp ORDER BY created_at, old_id) AS r FROM intact
     ), keys AS (SELECT m.comp, CONCAT(n.type, ':', n.value) AS min_key
       FROM (SELECT label AS comp, MIN(id) AS id FROM `standin-project`.`cdp_demo`.`identity_graphwork_32` GROUP BY label) AS m
       JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS n ON n.id = m.id), split_from AS (
       SELECT comp, MIN(old_id) AS old_id FROM `standin-project`.`cdp_demo`.`identity_graphwork_39` GROUP BY comp
     )
     SELECT k.comp,
       COALESCE(r.old_id, CONCAT('p_', SUBSTR(TO_HEX(SHA256(CONCAT(k.min_key, COALESCE(CONCAT('|', sf.old_id), '')))), 1, 20))) AS profile_id
     FROM keys AS k
     LEFT JOIN ranked AS r ON r.comp = k.comp AND r.r = 1
     LEFT JOIN split_from AS sf ON sf.comp = k.comp;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_41` AS
WITH spread AS (SELECT old_id, COUNT(*) AS parts FROM `standin-project`.`cdp_demo`.`identity_graphwork_39` GROUP BY old_id)
     SELECT DISTINCT c.old_id AS old_profile_id, a.profile_id AS new_profile_id,
       CASE WHEN s.parts > 1 THEN 'split' ELSE 'merge' END AS reason,
       '<run id>' AS run_id, CURRENT_TIMESTAMP() AS recorded_at
     FROM `standin-project`.`cdp_demo`.`identity_graphwork_39` AS c JOIN `standin-project`.`cdp_demo`.`identity_graphwork_40` AS a ON a.comp = c.comp
     JOIN spread AS s ON s.old_id = c.old_id
     WHERE a.profile_id <> c.old_id;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graphwork_42` AS
SELECT DISTINCT a.profile_id, CURRENT_TIMESTAMP() AS created_at, '<run id>' AS created_run
     FROM `standin-project`.`cdp_demo`.`identity_graphwork_40` AS a WHERE NOT EXISTS (SELECT 1 FROM `standin-project`.`cdp_demo`.`identity_graph__profiles` AS p WHERE p.profile_id = a.profile_id);

SELECT COALESCE(SUM(CASE WHEN reason = 'merge' THEN 1 ELSE 0 END), 0) AS merges,
            COALESCE(SUM(CASE WHEN reason = 'split' THEN 1 ELSE 0 END), 0) AS splits FROM `standin-project`.`cdp_demo`.`identity_graphwork_41`;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graph__profiles` (`profile_id`, `created_at`, `created_run`)
SELECT `profile_id`, `created_at`, `created_run` FROM `standin-project`.`cdp_demo`.`identity_graphwork_42`;

INSERT INTO `standin-project`.`cdp_demo`.`identity_graph__merges` (`old_profile_id`, `new_profile_id`, `reason`, `run_id`, `recorded_at`)
SELECT `old_profile_id`, `new_profile_id`, `reason`, `run_id`, `recorded_at` FROM `standin-project`.`cdp_demo`.`identity_graphwork_41`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graph` AS
SELECT c.type AS identifier_type, c.value AS identifier, a.profile_id
     FROM (SELECT type, value, label AS comp FROM `standin-project`.`cdp_demo`.`identity_graphwork_32`) AS c JOIN `standin-project`.`cdp_demo`.`identity_graphwork_40` AS a ON a.comp = c.comp;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graph__cuts` AS
SELECT identifier_type, identifier, reason, detail, '<run id>' AS run_id FROM `standin-project`.`cdp_demo`.`identity_graphwork_6`;

CREATE OR REPLACE TABLE `standin-project`.`cdp_demo`.`identity_graph__links` AS
SELECT e.src_key AS a_key, e.dst_key AS b_key, e.weight AS weight,
       e.source AS source, CASE WHEN la.label = lb.label THEN 'link' ELSE 'cut' END AS status
     FROM `standin-project`.`cdp_demo`.`identity_graphwork_34` AS e JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS la ON la.id = e.src JOIN `standin-project`.`cdp_demo`.`identity_graphwork_32` AS lb ON lb.id = e.dst
     WHERE e.src < e.dst
     UNION ALL
     SELECT e.src_key, e.dst_key, e.weight, CAST(NULL AS STRING), 'cannot_link'
     FROM `standin-project`.`cdp_demo`.`identity_graphwork_5` AS e WHERE e.src < e.dst;

SELECT COUNT(*) AS n FROM `standin-project`.`cdp_demo`.`identity_graphwork_6` WHERE reason = 'blocked';
