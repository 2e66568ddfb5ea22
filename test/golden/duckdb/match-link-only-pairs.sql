SELECT "cdp_rn_l",
  "cdp_rn_r",
  "cdp_in_0",
  "cdp_in_1",
  "cdp_tf_2",
  CASE WHEN "cdp_g0" IS NOT NULL THEN "cdp_g0" WHEN "cdp_s0_jw" >= 0.9 THEN 2 ELSE 3 END AS "gamma_first_name",
  "cdp_g1" AS "gamma_last_name",
  "cdp_g2" AS "gamma_dob",
  CASE WHEN "cdp_g3" IS NOT NULL THEN "cdp_g3" WHEN "cdp_s3_lev" <= 1 THEN 1 ELSE 2 END AS "gamma_email"
FROM (
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      1 AS "cdp_in_0",
      CASE WHEN l."cdp_b1_0" = r."cdp_b1_0" THEN 1 ELSE 0 END AS "cdp_in_1",
      l."cdp_tf_2",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 ELSE 2 END AS "cdp_g1",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 WHEN ABS(date_diff('day', l."dob", r."dob")) <= 31 THEN 1 ELSE 2 END AS "cdp_g2",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 1 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN l."cdp_len_3" = r."cdp_len_3" THEN hamming(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_3" = r."cdp_len_3" THEN CASE WHEN FALSE THEN hamming(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s3_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1" AND l."cdp_rn" < r."cdp_rn" AND l."cdp_source" <> r."cdp_source"
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      1 AS "cdp_in_1",
      l."cdp_tf_2",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 ELSE 2 END AS "cdp_g1",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 WHEN ABS(date_diff('day', l."dob", r."dob")) <= 31 THEN 1 ELSE 2 END AS "cdp_g2",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 1 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN l."cdp_len_3" = r."cdp_len_3" THEN hamming(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_3" = r."cdp_len_3" THEN CASE WHEN FALSE THEN hamming(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s3_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b1_0" = r."cdp_b1_0" AND l."cdp_rn" < r."cdp_rn" AND l."cdp_source" <> r."cdp_source" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE)
) AS cdp_levels
