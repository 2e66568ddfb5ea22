{{config materialized="view" tags="staging"}}
{{!--
  stg_app_signups: one row per account created in the apps or on the website, cleaned.
  user_id is the account id also found on web events and orders. device_id is the phone's
  vendor id, or for platform = 'web' the browser's anonymous_id (joins stg_web_events).
  Devices can be shared (family tablets). signed_up_at is UTC.
--}}
{{test "not_null" column="signup_id"}}
{{test "unique" column="signup_id"}}
{{test "not_null" column="user_id"}}
{{test "unique" column="user_id"}}
{{test "not_null" column="platform"}}
{{test "accepted_values" column="platform" values="ios,android,web"}}
{{test "not_null" column="signed_up_at"}}

with source as (
  select * from {{ref "raw_app_signups"}}
),

texts as (
  select
    {{cast "signup_id" "string"}} as signup_id,
    {{> no_value column="user_id"}} as user_id,
    lower({{> no_value column="email"}}) as email,
    {{> no_value column="phone"}} as phone,
    {{> no_value column="first_name"}} as first_name,
    {{> no_value column="last_name"}} as last_name,
    {{> no_value column="device_id"}} as device_id,
    lower(trim({{cast "platform" "string"}})) as platform,
    {{cast "signed_up_at" "string"}} as signed_up_at,
    {{regexp_replace (cast "phone" "string") "[^0-9]" ""}} as phone_digits
  from source
)

select
  signup_id,
  user_id,
  case when email like '%_@_%' then email end as email,
  phone as phone_raw,
  case
    when phone is null or length(phone_digits) < 8 then null
    when replace(phone_digits, substr(phone_digits, 1, 1), '') = '' then null
    when replace(substr(phone_digits, 2), '0', '') = '' then null
    when phone_digits in ('1234567890', '0123456789', '12345678901') then null
    else phone_digits
  end as phone_digits,
  case when first_name = upper(first_name) or first_name = lower(first_name)
    then upper(substr(first_name, 1, 1)) || lower(substr(first_name, 2)) else first_name end as first_name,
  case when last_name = upper(last_name) or last_name = lower(last_name)
    then upper(substr(last_name, 1, 1)) || lower(substr(last_name, 2)) else last_name end as last_name,
  device_id,
  platform,
  {{cast "signed_up_at" "timestamp"}} as signed_up_at
from texts
