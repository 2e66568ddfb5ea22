{{config materialized="view" tags="staging"}}
{{!--
  stg_crm_contacts: one row per CRM contact, cleaned.
  Text is trimmed and "no value" tokens ('', '-', unknown, n/a, null, none) become NULL.
  Emails are lowercased (placeholders such as test@test.com are kept: identity rules block them);
  phone_digits keeps only digits (NULL for placeholders like 0000000000), phone_raw the original.
  Free-text country is mapped to ISO codes; postcodes are uppercased, UK ones spaced canonically,
  US ZIPs that lost their leading zero in a spreadsheet are padded back.
--}}
{{test "not_null" column="contact_id"}}
{{test "unique" column="contact_id"}}
{{test "not_null" column="created_at"}}
{{test "not_null" column="lifecycle_stage"}}
{{test "accepted_values" column="lifecycle_stage" values="subscriber,lead,opportunity,customer,churned,other"}}
{{test "accepted_values" column="country" values="US,GB,DE,FR"}}
{{test "not_null" column="opted_in"}}

with source as (
  select * from {{ref "raw_crm_contacts"}}
),

texts as (
  select
    {{cast "contact_id" "string"}} as contact_id,
    {{> no_value column="first_name"}} as first_name,
    {{> no_value column="last_name"}} as last_name,
    {{> no_value column="email"}} as email,
    {{> no_value column="phone"}} as phone,
    {{> no_value column="company"}} as company,
    {{> no_value column="city"}} as city,
    upper({{> no_value column="postcode"}}) as postcode,
    lower(trim({{cast "country" "string"}})) as country,
    {{cast "created_at" "string"}} as created_at,
    {{cast "updated_at" "string"}} as updated_at,
    lower(trim({{cast "lifecycle_stage" "string"}})) as lifecycle_stage,
    lower(trim({{cast "opted_in" "string"}})) as opted_in,
    {{regexp_replace (cast "phone" "string") "[^0-9]" ""}} as phone_digits,
    replace(upper(trim({{cast "postcode" "string"}})), ' ', '') as postcode_compact
  from source
)

select
  contact_id,
  case when first_name = upper(first_name) or first_name = lower(first_name)
    then upper(substr(first_name, 1, 1)) || lower(substr(first_name, 2)) else first_name end as first_name,
  case when last_name = upper(last_name) or last_name = lower(last_name)
    then upper(substr(last_name, 1, 1)) || lower(substr(last_name, 2)) else last_name end as last_name,
  case when email like '%_@_%' then lower(email) end as email,
  phone as phone_raw,
  case
    when phone is null or length(phone_digits) < 8 then null
    when replace(phone_digits, substr(phone_digits, 1, 1), '') = '' then null
    when replace(substr(phone_digits, 2), '0', '') = '' then null
    when phone_digits in ('1234567890', '0123456789', '12345678901') then null
    else phone_digits
  end as phone_digits,
  company,
  city,
  case
    when postcode is null then null
    when upper(substr(postcode_compact, 1, 1)) between 'A' and 'Z' and length(postcode_compact) between 5 and 7
      then substr(postcode_compact, 1, length(postcode_compact) - 3) || ' ' || right(postcode_compact, 3)
    when length(postcode_compact) = 4 and {{regexp_replace "postcode_compact" "[0-9]" ""}} = ''
      then '0' || postcode_compact
    else postcode_compact
  end as postcode,
  case
    when country in ('us', 'usa', 'united states', 'united states of america') then 'US'
    when country in ('gb', 'uk', 'united kingdom', 'great britain', 'england', 'scotland', 'wales') then 'GB'
    when country in ('de', 'ger', 'deu', 'germany', 'deutschland') then 'DE'
    when country in ('fr', 'fra', 'france') then 'FR'
  end as country,
  {{cast "created_at" "timestamp"}} as created_at,
  {{cast "updated_at" "timestamp"}} as updated_at,
  lifecycle_stage,
  case
    when opted_in in ('true', 't', 'yes', 'y', '1') then true
    when opted_in in ('false', 'f', 'no', 'n', '0') then false
  end as opted_in
from texts
