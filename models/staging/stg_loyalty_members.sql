{{config materialized="view" tags="staging"}}
{{!--
  stg_loyalty_members: one row per loyalty card, cleaned.
  full_name comes in several layouts ("Anna Schmidt", "SCHMIDT, Anna", "Anna K. Schmidt") and is
  split into first/last. The 1900-01-01 placeholder birth date becomes NULL (day/month swaps
  cannot be detected and are left as they are). tier is lowercased.
--}}
{{test "not_null" column="member_id"}}
{{test "unique" column="member_id"}}
{{test "not_null" column="tier"}}
{{test "accepted_values" column="tier" values="bronze,silver,gold,platinum"}}
{{test "not_null" column="points"}}
{{test "not_null" column="joined_at"}}

with source as (
  select * from {{ref "raw_loyalty_members"}}
),

texts as (
  select
    {{cast "member_id" "string"}} as member_id,
    case when lower(trim({{cast "full_name" "string"}})) in ({{literal (var "no_value_tokens")}})
      then null else trim({{regexp_replace (cast "full_name" "string") " +" " "}}) end as full_name,
    case when trim({{cast "date_of_birth" "string"}}) in ('', '1900-01-01') then null
      else trim({{cast "date_of_birth" "string"}}) end as date_of_birth,
    lower({{> no_value column="email"}}) as email,
    {{> no_value column="phone"}} as phone,
    replace(upper({{> no_value column="postcode"}}), ' ', '') as postcode_compact,
    lower(trim({{cast "tier" "string"}})) as tier,
    {{cast "points" "string"}} as points,
    {{cast "joined_at" "string"}} as joined_at,
    {{regexp_replace (cast "phone" "string") "[^0-9]" ""}} as phone_digits
  from source
),

ordered as (
  select
    *,
    case when strpos(full_name, ',') > 0
      then trim(
        trim(substr(full_name, strpos(full_name, ',') + 1)) || ' '
        || trim(substr(full_name, 1, strpos(full_name, ',') - 1))
      )
      else full_name end as name_ordered
  from texts
),

split as (
  select
    *,
    case when strpos(name_ordered, ' ') > 0
      then substr(name_ordered, 1, strpos(name_ordered, ' ') - 1) else name_ordered end as first_token,
    case when strpos(name_ordered, ' ') > 0
      then substr(name_ordered, length(name_ordered) - strpos(reverse(name_ordered), ' ') + 2) end as last_token
  from ordered
)

select
  member_id,
  full_name,
  case when first_token = upper(first_token) or first_token = lower(first_token)
    then upper(substr(first_token, 1, 1)) || lower(substr(first_token, 2)) else first_token end as first_name,
  case
    when length(replace(last_token, '.', '')) <= 1 then null
    when last_token = upper(last_token) or last_token = lower(last_token)
      then upper(substr(last_token, 1, 1)) || lower(substr(last_token, 2))
    else last_token
  end as last_name,
  {{cast "date_of_birth" "date"}} as date_of_birth,
  case when email like '%_@_%' then email end as email,
  phone as phone_raw,
  case
    when phone is null or length(phone_digits) < 8 then null
    when replace(phone_digits, substr(phone_digits, 1, 1), '') = '' then null
    when replace(substr(phone_digits, 2), '0', '') = '' then null
    when phone_digits in ('1234567890', '0123456789', '12345678901') then null
    else phone_digits
  end as phone_digits,
  case
    when upper(substr(postcode_compact, 1, 1)) between 'A' and 'Z' and length(postcode_compact) between 5 and 7
      then substr(postcode_compact, 1, length(postcode_compact) - 3) || ' ' || right(postcode_compact, 3)
    when length(postcode_compact) = 4 and {{regexp_replace "postcode_compact" "[0-9]" ""}} = ''
      then '0' || postcode_compact
    else postcode_compact
  end as postcode,
  tier,
  {{cast "points" "int64"}} as points,
  {{cast "joined_at" "date"}} as joined_at
from split
