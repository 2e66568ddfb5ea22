SELECT "cdp_rn_l",
  "cdp_rn_r",
  "cdp_in_0",
  "cdp_in_1",
  "cdp_in_2",
  "cdp_in_3",
  "cdp_in_4",
  "cdp_in_5",
  "cdp_in_6",
  "cdp_in_7",
  "cdp_in_8",
  "cdp_in_9",
  "cdp_in_10",
  "cdp_in_11",
  "cdp_in_12",
  "cdp_in_13",
  "cdp_in_14",
  "cdp_in_15",
  "cdp_in_16",
  "cdp_in_17",
  "cdp_in_18",
  "cdp_in_19",
  "cdp_in_20",
  "cdp_in_21",
  "cdp_in_22",
  "cdp_in_23",
  "cdp_in_24",
  "cdp_in_25",
  "cdp_in_26",
  "cdp_in_27",
  "cdp_in_28",
  "cdp_in_29",
  "cdp_in_30",
  "cdp_in_31",
  "cdp_in_32",
  "cdp_in_33",
  "cdp_in_34",
  "cdp_in_35",
  "cdp_in_36",
  "cdp_in_37",
  "cdp_in_38",
  "cdp_in_39",
  "cdp_tf_0",
  "cdp_tf_1",
  "cdp_tf_2",
  "cdp_tf_6",
  CASE WHEN "cdp_g0" IS NOT NULL THEN "cdp_g0" WHEN "cdp_s0_jw" >= 0.9 THEN 2 WHEN "cdp_s0_jw" >= 0.8 THEN 3 ELSE 4 END AS "gamma_first_name",
  CASE WHEN "cdp_g1" IS NOT NULL THEN "cdp_g1" WHEN "cdp_s1_jw" >= 0.9 THEN 2 WHEN "cdp_s1_jw" >= 0.8 THEN 3 ELSE 4 END AS "gamma_last_name",
  CASE WHEN "cdp_g2" IS NOT NULL THEN "cdp_g2" WHEN "cdp_s2_lev" <= 1 THEN 1 WHEN "cdp_s2_lev" <= 2 THEN 2 WHEN "cdp_s2_lev" <= 3 THEN 3 ELSE 4 END AS "gamma_dob",
  CASE WHEN "cdp_g3" IS NOT NULL THEN "cdp_g3" WHEN "cdp_s3_lev" <= 2 THEN 1 ELSE 2 END AS "gamma_email",
  CASE WHEN "cdp_g4" IS NOT NULL THEN "cdp_g4" WHEN "cdp_s4_lev" <= 1 THEN 1 ELSE 2 END AS "gamma_phone",
  CASE WHEN "cdp_g5" IS NOT NULL THEN "cdp_g5" WHEN "cdp_s5_lev" <= 1 THEN 1 ELSE 2 END AS "gamma_postcode",
  CASE WHEN "cdp_g6" IS NOT NULL THEN "cdp_g6" WHEN "cdp_s6_jw" >= 0.9 THEN 1 ELSE 2 END AS "gamma_city",
  CASE WHEN "cdp_g7" IS NOT NULL THEN "cdp_g7" WHEN "cdp_s7_jw" >= 0.9 THEN 1 WHEN "cdp_s7_jw" >= 0.8 THEN 2 ELSE 3 END AS "gamma_address",
  CASE WHEN "cdp_g8" IS NOT NULL THEN "cdp_g8" WHEN "cdp_s8_lev" <= 1 THEN 1 WHEN "cdp_s8_lev" <= 2 THEN 2 ELSE 3 END AS "gamma_national_id"
FROM (
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      1 AS "cdp_in_0",
      CASE WHEN l."cdp_b1_0" = r."cdp_b1_0" THEN 1 ELSE 0 END AS "cdp_in_1",
      CASE WHEN l."cdp_b2_0" = r."cdp_b2_0" THEN 1 ELSE 0 END AS "cdp_in_2",
      CASE WHEN l."cdp_b3_0" = r."cdp_b3_0" THEN 1 ELSE 0 END AS "cdp_in_3",
      CASE WHEN l."cdp_b4_0" = r."cdp_b4_0" THEN 1 ELSE 0 END AS "cdp_in_4",
      CASE WHEN l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1" THEN 1 ELSE 0 END AS "cdp_in_5",
      CASE WHEN l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1" THEN 1 ELSE 0 END AS "cdp_in_6",
      CASE WHEN l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1" THEN 1 ELSE 0 END AS "cdp_in_7",
      CASE WHEN l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" THEN 1 ELSE 0 END AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1" AND l."cdp_rn" < r."cdp_rn"
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      1 AS "cdp_in_1",
      CASE WHEN l."cdp_b2_0" = r."cdp_b2_0" THEN 1 ELSE 0 END AS "cdp_in_2",
      CASE WHEN l."cdp_b3_0" = r."cdp_b3_0" THEN 1 ELSE 0 END AS "cdp_in_3",
      CASE WHEN l."cdp_b4_0" = r."cdp_b4_0" THEN 1 ELSE 0 END AS "cdp_in_4",
      CASE WHEN l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1" THEN 1 ELSE 0 END AS "cdp_in_5",
      CASE WHEN l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1" THEN 1 ELSE 0 END AS "cdp_in_6",
      CASE WHEN l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1" THEN 1 ELSE 0 END AS "cdp_in_7",
      CASE WHEN l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" THEN 1 ELSE 0 END AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b1_0" = r."cdp_b1_0" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      1 AS "cdp_in_2",
      CASE WHEN l."cdp_b3_0" = r."cdp_b3_0" THEN 1 ELSE 0 END AS "cdp_in_3",
      CASE WHEN l."cdp_b4_0" = r."cdp_b4_0" THEN 1 ELSE 0 END AS "cdp_in_4",
      CASE WHEN l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1" THEN 1 ELSE 0 END AS "cdp_in_5",
      CASE WHEN l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1" THEN 1 ELSE 0 END AS "cdp_in_6",
      CASE WHEN l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1" THEN 1 ELSE 0 END AS "cdp_in_7",
      CASE WHEN l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" THEN 1 ELSE 0 END AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b2_0" = r."cdp_b2_0" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      1 AS "cdp_in_3",
      CASE WHEN l."cdp_b4_0" = r."cdp_b4_0" THEN 1 ELSE 0 END AS "cdp_in_4",
      CASE WHEN l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1" THEN 1 ELSE 0 END AS "cdp_in_5",
      CASE WHEN l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1" THEN 1 ELSE 0 END AS "cdp_in_6",
      CASE WHEN l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1" THEN 1 ELSE 0 END AS "cdp_in_7",
      CASE WHEN l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" THEN 1 ELSE 0 END AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b3_0" = r."cdp_b3_0" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      1 AS "cdp_in_4",
      CASE WHEN l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1" THEN 1 ELSE 0 END AS "cdp_in_5",
      CASE WHEN l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1" THEN 1 ELSE 0 END AS "cdp_in_6",
      CASE WHEN l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1" THEN 1 ELSE 0 END AS "cdp_in_7",
      CASE WHEN l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" THEN 1 ELSE 0 END AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b4_0" = r."cdp_b4_0" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      1 AS "cdp_in_5",
      CASE WHEN l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1" THEN 1 ELSE 0 END AS "cdp_in_6",
      CASE WHEN l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1" THEN 1 ELSE 0 END AS "cdp_in_7",
      CASE WHEN l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" THEN 1 ELSE 0 END AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      1 AS "cdp_in_6",
      CASE WHEN l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1" THEN 1 ELSE 0 END AS "cdp_in_7",
      CASE WHEN l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" THEN 1 ELSE 0 END AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      1 AS "cdp_in_7",
      CASE WHEN l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" THEN 1 ELSE 0 END AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      1 AS "cdp_in_8",
      CASE WHEN l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" THEN 1 ELSE 0 END AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      1 AS "cdp_in_9",
      CASE WHEN l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" THEN 1 ELSE 0 END AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      1 AS "cdp_in_10",
      CASE WHEN l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" THEN 1 ELSE 0 END AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      1 AS "cdp_in_11",
      CASE WHEN l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" THEN 1 ELSE 0 END AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      1 AS "cdp_in_12",
      CASE WHEN l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" THEN 1 ELSE 0 END AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      1 AS "cdp_in_13",
      CASE WHEN l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" THEN 1 ELSE 0 END AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      1 AS "cdp_in_14",
      CASE WHEN l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" THEN 1 ELSE 0 END AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      1 AS "cdp_in_15",
      CASE WHEN l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" THEN 1 ELSE 0 END AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      1 AS "cdp_in_16",
      CASE WHEN l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" THEN 1 ELSE 0 END AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      1 AS "cdp_in_17",
      CASE WHEN l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" THEN 1 ELSE 0 END AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      1 AS "cdp_in_18",
      CASE WHEN l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" THEN 1 ELSE 0 END AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      1 AS "cdp_in_19",
      CASE WHEN l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" THEN 1 ELSE 0 END AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      1 AS "cdp_in_20",
      CASE WHEN l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" THEN 1 ELSE 0 END AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      1 AS "cdp_in_21",
      CASE WHEN l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" THEN 1 ELSE 0 END AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      1 AS "cdp_in_22",
      CASE WHEN l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" THEN 1 ELSE 0 END AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      1 AS "cdp_in_23",
      CASE WHEN l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" THEN 1 ELSE 0 END AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      1 AS "cdp_in_24",
      CASE WHEN l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" THEN 1 ELSE 0 END AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      1 AS "cdp_in_25",
      CASE WHEN l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" THEN 1 ELSE 0 END AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      1 AS "cdp_in_26",
      CASE WHEN l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" THEN 1 ELSE 0 END AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      1 AS "cdp_in_27",
      CASE WHEN l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" THEN 1 ELSE 0 END AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      1 AS "cdp_in_28",
      CASE WHEN l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" THEN 1 ELSE 0 END AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      1 AS "cdp_in_29",
      CASE WHEN l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" THEN 1 ELSE 0 END AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      1 AS "cdp_in_30",
      CASE WHEN l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" THEN 1 ELSE 0 END AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      1 AS "cdp_in_31",
      CASE WHEN l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" THEN 1 ELSE 0 END AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      0 AS "cdp_in_31",
      1 AS "cdp_in_32",
      CASE WHEN l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" THEN 1 ELSE 0 END AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE) AND NOT COALESCE(l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      0 AS "cdp_in_31",
      0 AS "cdp_in_32",
      1 AS "cdp_in_33",
      CASE WHEN l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" THEN 1 ELSE 0 END AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE) AND NOT COALESCE(l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1", FALSE) AND NOT COALESCE(l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      0 AS "cdp_in_31",
      0 AS "cdp_in_32",
      0 AS "cdp_in_33",
      1 AS "cdp_in_34",
      CASE WHEN l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" THEN 1 ELSE 0 END AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE) AND NOT COALESCE(l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1", FALSE) AND NOT COALESCE(l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1", FALSE) AND NOT COALESCE(l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      0 AS "cdp_in_31",
      0 AS "cdp_in_32",
      0 AS "cdp_in_33",
      0 AS "cdp_in_34",
      1 AS "cdp_in_35",
      CASE WHEN l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" THEN 1 ELSE 0 END AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE) AND NOT COALESCE(l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1", FALSE) AND NOT COALESCE(l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1", FALSE) AND NOT COALESCE(l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1", FALSE) AND NOT COALESCE(l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      0 AS "cdp_in_31",
      0 AS "cdp_in_32",
      0 AS "cdp_in_33",
      0 AS "cdp_in_34",
      0 AS "cdp_in_35",
      1 AS "cdp_in_36",
      CASE WHEN l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" THEN 1 ELSE 0 END AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE) AND NOT COALESCE(l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1", FALSE) AND NOT COALESCE(l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1", FALSE) AND NOT COALESCE(l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1", FALSE) AND NOT COALESCE(l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1", FALSE) AND NOT COALESCE(l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      0 AS "cdp_in_31",
      0 AS "cdp_in_32",
      0 AS "cdp_in_33",
      0 AS "cdp_in_34",
      0 AS "cdp_in_35",
      0 AS "cdp_in_36",
      1 AS "cdp_in_37",
      CASE WHEN l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" THEN 1 ELSE 0 END AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE) AND NOT COALESCE(l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1", FALSE) AND NOT COALESCE(l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1", FALSE) AND NOT COALESCE(l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1", FALSE) AND NOT COALESCE(l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1", FALSE) AND NOT COALESCE(l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1", FALSE) AND NOT COALESCE(l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      0 AS "cdp_in_31",
      0 AS "cdp_in_32",
      0 AS "cdp_in_33",
      0 AS "cdp_in_34",
      0 AS "cdp_in_35",
      0 AS "cdp_in_36",
      0 AS "cdp_in_37",
      1 AS "cdp_in_38",
      CASE WHEN l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" THEN 1 ELSE 0 END AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE) AND NOT COALESCE(l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1", FALSE) AND NOT COALESCE(l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1", FALSE) AND NOT COALESCE(l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1", FALSE) AND NOT COALESCE(l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1", FALSE) AND NOT COALESCE(l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1", FALSE) AND NOT COALESCE(l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1", FALSE) AND NOT COALESCE(l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1", FALSE)
  UNION ALL
  SELECT l."cdp_rn" AS "cdp_rn_l",
      r."cdp_rn" AS "cdp_rn_r",
      0 AS "cdp_in_0",
      0 AS "cdp_in_1",
      0 AS "cdp_in_2",
      0 AS "cdp_in_3",
      0 AS "cdp_in_4",
      0 AS "cdp_in_5",
      0 AS "cdp_in_6",
      0 AS "cdp_in_7",
      0 AS "cdp_in_8",
      0 AS "cdp_in_9",
      0 AS "cdp_in_10",
      0 AS "cdp_in_11",
      0 AS "cdp_in_12",
      0 AS "cdp_in_13",
      0 AS "cdp_in_14",
      0 AS "cdp_in_15",
      0 AS "cdp_in_16",
      0 AS "cdp_in_17",
      0 AS "cdp_in_18",
      0 AS "cdp_in_19",
      0 AS "cdp_in_20",
      0 AS "cdp_in_21",
      0 AS "cdp_in_22",
      0 AS "cdp_in_23",
      0 AS "cdp_in_24",
      0 AS "cdp_in_25",
      0 AS "cdp_in_26",
      0 AS "cdp_in_27",
      0 AS "cdp_in_28",
      0 AS "cdp_in_29",
      0 AS "cdp_in_30",
      0 AS "cdp_in_31",
      0 AS "cdp_in_32",
      0 AS "cdp_in_33",
      0 AS "cdp_in_34",
      0 AS "cdp_in_35",
      0 AS "cdp_in_36",
      0 AS "cdp_in_37",
      0 AS "cdp_in_38",
      1 AS "cdp_in_39",
      l."cdp_tf_0",
      l."cdp_tf_1",
      l."cdp_tf_2",
      l."cdp_tf_6",
      CASE WHEN l."first_name" IS NULL OR r."first_name" IS NULL THEN -1 WHEN l."first_name" = r."first_name" THEN 0 WHEN l."first_name" = r."last_name" THEN 1 END AS "cdp_g0",
      CASE WHEN l."first_name" IS NOT NULL AND r."first_name" IS NOT NULL AND l."first_name" <> r."first_name" AND NOT COALESCE(l."first_name" = r."last_name", FALSE) THEN CASE WHEN l."cdp_ascii_0" AND r."cdp_ascii_0" THEN jaro_winkler_similarity(CAST(l."first_name" AS VARCHAR), CAST(r."first_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."first_name" AS VARCHAR) || CAST(r."first_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."first_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."first_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s0_jw",
      CASE WHEN l."last_name" IS NULL OR r."last_name" IS NULL THEN -1 WHEN l."last_name" = r."last_name" THEN 0 WHEN l."last_name" = r."first_name" THEN 1 END AS "cdp_g1",
      CASE WHEN l."last_name" IS NOT NULL AND r."last_name" IS NOT NULL AND l."last_name" <> r."last_name" AND NOT COALESCE(l."last_name" = r."first_name", FALSE) THEN CASE WHEN l."cdp_ascii_1" AND r."cdp_ascii_1" THEN jaro_winkler_similarity(CAST(l."last_name" AS VARCHAR), CAST(r."last_name" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."last_name" AS VARCHAR) || CAST(r."last_name" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."last_name" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."last_name" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s1_jw",
      CASE WHEN l."dob" IS NULL OR r."dob" IS NULL THEN -1 WHEN l."dob" = r."dob" THEN 0 END AS "cdp_g2",
      CASE WHEN l."dob" IS NOT NULL AND r."dob" IS NOT NULL AND l."dob" <> r."dob" AND ABS(l."cdp_len_2" - r."cdp_len_2") <= 3 THEN CASE WHEN l."cdp_ascii_2" AND r."cdp_ascii_2" THEN CASE WHEN LEAST(l."cdp_len_2", r."cdp_len_2") < 8 THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN l."cdp_rest_2" = r."cdp_rest_2" THEN levenshtein(l."cdp_head_2", r."cdp_head_2")
    WHEN l."cdp_head_2" = r."cdp_head_2" THEN levenshtein(l."cdp_rest_2", r."cdp_rest_2")
    WHEN l."cdp_len_2" = r."cdp_len_2" THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    WHEN RIGHT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = RIGHT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(LEFT(CAST(l."dob" AS VARCHAR), l."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)), LEFT(CAST(r."dob" AS VARCHAR), r."cdp_len_2" - (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)))
    WHEN LEFT(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) = LEFT(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1)) THEN levenshtein(SUBSTR(CAST(l."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1), SUBSTR(CAST(r."dob" AS VARCHAR), (LEAST(l."cdp_len_2", r."cdp_len_2") >> 1) + 1))
    ELSE levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."dob" AS VARCHAR), CAST(r."dob" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."dob" AS VARCHAR) || CAST(r."dob" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."dob" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."dob" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s2_lev",
      CASE WHEN l."email" IS NULL OR r."email" IS NULL THEN -1 WHEN l."email" = r."email" THEN 0 END AS "cdp_g3",
      CASE WHEN l."email" IS NOT NULL AND r."email" IS NOT NULL AND l."email" <> r."email" AND ABS(l."cdp_len_3" - r."cdp_len_3") <= 2 THEN CASE WHEN l."cdp_ascii_3" AND r."cdp_ascii_3" THEN CASE WHEN LEAST(l."cdp_len_3", r."cdp_len_3") < 8 THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN l."cdp_rest_3" = r."cdp_rest_3" THEN levenshtein(l."cdp_head_3", r."cdp_head_3")
    WHEN l."cdp_head_3" = r."cdp_head_3" THEN levenshtein(l."cdp_rest_3", r."cdp_rest_3")
    WHEN l."cdp_len_3" = r."cdp_len_3" THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    WHEN RIGHT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = RIGHT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(LEFT(CAST(l."email" AS VARCHAR), l."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)), LEFT(CAST(r."email" AS VARCHAR), r."cdp_len_3" - (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)))
    WHEN LEFT(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) = LEFT(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1)) THEN levenshtein(SUBSTR(CAST(l."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1), SUBSTR(CAST(r."email" AS VARCHAR), (LEAST(l."cdp_len_3", r."cdp_len_3") >> 1) + 1))
    ELSE levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."email" AS VARCHAR), CAST(r."email" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."email" AS VARCHAR) || CAST(r."email" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."email" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."email" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s3_lev",
      CASE WHEN l."phone" IS NULL OR r."phone" IS NULL THEN -1 WHEN l."phone" = r."phone" THEN 0 END AS "cdp_g4",
      CASE WHEN l."phone" IS NOT NULL AND r."phone" IS NOT NULL AND l."phone" <> r."phone" AND ABS(l."cdp_len_4" - r."cdp_len_4") <= 1 THEN CASE WHEN l."cdp_ascii_4" AND r."cdp_ascii_4" THEN CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN LEAST(l."cdp_len_4", r."cdp_len_4") < 8 THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN l."cdp_rest_4" = r."cdp_rest_4" THEN levenshtein(l."cdp_head_4", r."cdp_head_4")
    WHEN l."cdp_head_4" = r."cdp_head_4" THEN levenshtein(l."cdp_rest_4", r."cdp_rest_4")
    WHEN l."cdp_len_4" = r."cdp_len_4" THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    WHEN RIGHT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = RIGHT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(LEFT(CAST(l."phone" AS VARCHAR), l."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)), LEFT(CAST(r."phone" AS VARCHAR), r."cdp_len_4" - (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)))
    WHEN LEFT(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) = LEFT(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1)) THEN levenshtein(SUBSTR(CAST(l."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1), SUBSTR(CAST(r."phone" AS VARCHAR), (LEAST(l."cdp_len_4", r."cdp_len_4") >> 1) + 1))
    ELSE levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_4" = r."cdp_len_4" THEN CASE WHEN FALSE THEN hamming(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."phone" AS VARCHAR), CAST(r."phone" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."phone" AS VARCHAR) || CAST(r."phone" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."phone" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."phone" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s4_lev",
      CASE WHEN l."postcode" IS NULL OR r."postcode" IS NULL THEN -1 WHEN l."postcode" = r."postcode" THEN 0 END AS "cdp_g5",
      CASE WHEN l."postcode" IS NOT NULL AND r."postcode" IS NOT NULL AND l."postcode" <> r."postcode" AND ABS(l."cdp_len_5" - r."cdp_len_5") <= 1 THEN CASE WHEN l."cdp_ascii_5" AND r."cdp_ascii_5" THEN CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN LEAST(l."cdp_len_5", r."cdp_len_5") < 8 THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN l."cdp_rest_5" = r."cdp_rest_5" THEN levenshtein(l."cdp_head_5", r."cdp_head_5")
    WHEN l."cdp_head_5" = r."cdp_head_5" THEN levenshtein(l."cdp_rest_5", r."cdp_rest_5")
    WHEN l."cdp_len_5" = r."cdp_len_5" THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    WHEN RIGHT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = RIGHT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(LEFT(CAST(l."postcode" AS VARCHAR), l."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)), LEFT(CAST(r."postcode" AS VARCHAR), r."cdp_len_5" - (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)))
    WHEN LEFT(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) = LEFT(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1)) THEN levenshtein(SUBSTR(CAST(l."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1), SUBSTR(CAST(r."postcode" AS VARCHAR), (LEAST(l."cdp_len_5", r."cdp_len_5") >> 1) + 1))
    ELSE levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR)) END
    ELSE CASE WHEN l."cdp_len_5" = r."cdp_len_5" THEN CASE WHEN FALSE THEN hamming(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: hamming(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."postcode" AS VARCHAR), CAST(r."postcode" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."postcode" AS VARCHAR) || CAST(r."postcode" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."postcode" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."postcode" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END END AS "cdp_s5_lev",
      CASE WHEN l."city" IS NULL OR r."city" IS NULL THEN -1 WHEN l."city" = r."city" THEN 0 END AS "cdp_g6",
      CASE WHEN l."city" IS NOT NULL AND r."city" IS NOT NULL AND l."city" <> r."city" THEN CASE WHEN l."cdp_ascii_6" AND r."cdp_ascii_6" THEN jaro_winkler_similarity(CAST(l."city" AS VARCHAR), CAST(r."city" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."city" AS VARCHAR) || CAST(r."city" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."city" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."city" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s6_jw",
      CASE WHEN l."address" IS NULL OR r."address" IS NULL THEN -1 WHEN l."address" = r."address" THEN 0 END AS "cdp_g7",
      CASE WHEN l."address" IS NOT NULL AND r."address" IS NOT NULL AND l."address" <> r."address" THEN CASE WHEN l."cdp_ascii_7" AND r."cdp_ascii_7" THEN jaro_winkler_similarity(CAST(l."address" AS VARCHAR), CAST(r."address" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."address" AS VARCHAR) || CAST(r."address" AS VARCHAR), ''))], lambda cdp_d: jaro_winkler_similarity(CASE WHEN CAST(l."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."address" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."address" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END AS "cdp_s7_jw",
      CASE WHEN l."national_id" IS NULL OR r."national_id" IS NULL THEN -1 WHEN l."national_id" = r."national_id" THEN 0 END AS "cdp_g8",
      CASE WHEN l."national_id" IS NOT NULL AND r."national_id" IS NOT NULL AND l."national_id" <> r."national_id" AND ABS(l."cdp_len_8" - r."cdp_len_8") <= 2 THEN CASE WHEN l."cdp_ascii_8" AND r."cdp_ascii_8" THEN CASE WHEN LEAST(l."cdp_len_8", r."cdp_len_8") < 8 THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN l."cdp_rest_8" = r."cdp_rest_8" THEN levenshtein(l."cdp_head_8", r."cdp_head_8")
    WHEN l."cdp_head_8" = r."cdp_head_8" THEN levenshtein(l."cdp_rest_8", r."cdp_rest_8")
    WHEN l."cdp_len_8" = r."cdp_len_8" THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    WHEN RIGHT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = RIGHT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(LEFT(CAST(l."national_id" AS VARCHAR), l."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)), LEFT(CAST(r."national_id" AS VARCHAR), r."cdp_len_8" - (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)))
    WHEN LEFT(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) = LEFT(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1)) THEN levenshtein(SUBSTR(CAST(l."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1), SUBSTR(CAST(r."national_id" AS VARCHAR), (LEAST(l."cdp_len_8", r."cdp_len_8") >> 1) + 1))
    ELSE levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR)) END
    ELSE CASE WHEN FALSE THEN levenshtein(CAST(l."national_id" AS VARCHAR), CAST(r."national_id" AS VARCHAR))
    ELSE list_transform([list_distinct(string_split(CAST(l."national_id" AS VARCHAR) || CAST(r."national_id" AS VARCHAR), ''))], lambda cdp_d: levenshtein(CASE WHEN CAST(l."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(l."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END, CASE WHEN CAST(r."national_id" AS VARCHAR) = '' THEN '' ELSE array_to_string(list_transform(string_split(CAST(r."national_id" AS VARCHAR), ''), lambda cdp_c: chr(CAST(list_position(cdp_d, cdp_c) AS INTEGER))), '') END))[1] END END END AS "cdp_s8_lev"
    FROM "crm"."people_matches__records" AS l JOIN "crm"."people_matches__records" AS r ON l."cdp_b39_0" = r."cdp_b39_0" AND l."cdp_b39_1" = r."cdp_b39_1" AND l."cdp_rn" < r."cdp_rn" AND NOT COALESCE(l."cdp_b0_0" = r."cdp_b0_0" AND l."cdp_b0_1" = r."cdp_b0_1", FALSE) AND NOT COALESCE(l."cdp_b1_0" = r."cdp_b1_0", FALSE) AND NOT COALESCE(l."cdp_b2_0" = r."cdp_b2_0", FALSE) AND NOT COALESCE(l."cdp_b3_0" = r."cdp_b3_0", FALSE) AND NOT COALESCE(l."cdp_b4_0" = r."cdp_b4_0", FALSE) AND NOT COALESCE(l."cdp_b5_0" = r."cdp_b5_0" AND l."cdp_b5_1" = r."cdp_b5_1", FALSE) AND NOT COALESCE(l."cdp_b6_0" = r."cdp_b6_0" AND l."cdp_b6_1" = r."cdp_b6_1", FALSE) AND NOT COALESCE(l."cdp_b7_0" = r."cdp_b7_0" AND l."cdp_b7_1" = r."cdp_b7_1", FALSE) AND NOT COALESCE(l."cdp_b8_0" = r."cdp_b8_0" AND l."cdp_b8_1" = r."cdp_b8_1", FALSE) AND NOT COALESCE(l."cdp_b9_0" = r."cdp_b9_0" AND l."cdp_b9_1" = r."cdp_b9_1", FALSE) AND NOT COALESCE(l."cdp_b10_0" = r."cdp_b10_0" AND l."cdp_b10_1" = r."cdp_b10_1", FALSE) AND NOT COALESCE(l."cdp_b11_0" = r."cdp_b11_0" AND l."cdp_b11_1" = r."cdp_b11_1", FALSE) AND NOT COALESCE(l."cdp_b12_0" = r."cdp_b12_0" AND l."cdp_b12_1" = r."cdp_b12_1", FALSE) AND NOT COALESCE(l."cdp_b13_0" = r."cdp_b13_0" AND l."cdp_b13_1" = r."cdp_b13_1", FALSE) AND NOT COALESCE(l."cdp_b14_0" = r."cdp_b14_0" AND l."cdp_b14_1" = r."cdp_b14_1", FALSE) AND NOT COALESCE(l."cdp_b15_0" = r."cdp_b15_0" AND l."cdp_b15_1" = r."cdp_b15_1", FALSE) AND NOT COALESCE(l."cdp_b16_0" = r."cdp_b16_0" AND l."cdp_b16_1" = r."cdp_b16_1", FALSE) AND NOT COALESCE(l."cdp_b17_0" = r."cdp_b17_0" AND l."cdp_b17_1" = r."cdp_b17_1", FALSE) AND NOT COALESCE(l."cdp_b18_0" = r."cdp_b18_0" AND l."cdp_b18_1" = r."cdp_b18_1", FALSE) AND NOT COALESCE(l."cdp_b19_0" = r."cdp_b19_0" AND l."cdp_b19_1" = r."cdp_b19_1", FALSE) AND NOT COALESCE(l."cdp_b20_0" = r."cdp_b20_0" AND l."cdp_b20_1" = r."cdp_b20_1", FALSE) AND NOT COALESCE(l."cdp_b21_0" = r."cdp_b21_0" AND l."cdp_b21_1" = r."cdp_b21_1", FALSE) AND NOT COALESCE(l."cdp_b22_0" = r."cdp_b22_0" AND l."cdp_b22_1" = r."cdp_b22_1", FALSE) AND NOT COALESCE(l."cdp_b23_0" = r."cdp_b23_0" AND l."cdp_b23_1" = r."cdp_b23_1", FALSE) AND NOT COALESCE(l."cdp_b24_0" = r."cdp_b24_0" AND l."cdp_b24_1" = r."cdp_b24_1", FALSE) AND NOT COALESCE(l."cdp_b25_0" = r."cdp_b25_0" AND l."cdp_b25_1" = r."cdp_b25_1", FALSE) AND NOT COALESCE(l."cdp_b26_0" = r."cdp_b26_0" AND l."cdp_b26_1" = r."cdp_b26_1", FALSE) AND NOT COALESCE(l."cdp_b27_0" = r."cdp_b27_0" AND l."cdp_b27_1" = r."cdp_b27_1", FALSE) AND NOT COALESCE(l."cdp_b28_0" = r."cdp_b28_0" AND l."cdp_b28_1" = r."cdp_b28_1", FALSE) AND NOT COALESCE(l."cdp_b29_0" = r."cdp_b29_0" AND l."cdp_b29_1" = r."cdp_b29_1", FALSE) AND NOT COALESCE(l."cdp_b30_0" = r."cdp_b30_0" AND l."cdp_b30_1" = r."cdp_b30_1", FALSE) AND NOT COALESCE(l."cdp_b31_0" = r."cdp_b31_0" AND l."cdp_b31_1" = r."cdp_b31_1", FALSE) AND NOT COALESCE(l."cdp_b32_0" = r."cdp_b32_0" AND l."cdp_b32_1" = r."cdp_b32_1", FALSE) AND NOT COALESCE(l."cdp_b33_0" = r."cdp_b33_0" AND l."cdp_b33_1" = r."cdp_b33_1", FALSE) AND NOT COALESCE(l."cdp_b34_0" = r."cdp_b34_0" AND l."cdp_b34_1" = r."cdp_b34_1", FALSE) AND NOT COALESCE(l."cdp_b35_0" = r."cdp_b35_0" AND l."cdp_b35_1" = r."cdp_b35_1", FALSE) AND NOT COALESCE(l."cdp_b36_0" = r."cdp_b36_0" AND l."cdp_b36_1" = r."cdp_b36_1", FALSE) AND NOT COALESCE(l."cdp_b37_0" = r."cdp_b37_0" AND l."cdp_b37_1" = r."cdp_b37_1", FALSE) AND NOT COALESCE(l."cdp_b38_0" = r."cdp_b38_0" AND l."cdp_b38_1" = r."cdp_b38_1", FALSE)
) AS cdp_levels
