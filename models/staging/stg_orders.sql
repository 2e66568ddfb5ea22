{{config materialized="view" tags="staging"}}
{{!--
  stg_orders: one row per order from web shop, app and stores, cleaned.
  user_id is NULL for guest checkouts and store sales; those carry only an email and/or phone,
  and store tills often record a placeholder email. amount is a decimal in `currency`.
--}}
{{test "not_null" column="order_id"}}
{{test "unique" column="order_id"}}
{{test "not_null" column="ordered_at"}}
{{test "not_null" column="status"}}
{{test "accepted_values" column="status" values="completed,refunded,cancelled"}}
{{test "not_null" column="channel"}}
{{test "accepted_values" column="channel" values="web,app,store"}}
{{test "not_null" column="currency"}}
{{test "accepted_values" column="currency" values="USD,GBP,EUR"}}
{{test "not_null" column="amount"}}

with source as (
  select * from {{ref "raw_orders"}}
),

texts as (
  select
    {{cast "order_id" "string"}} as order_id,
    {{> no_value column="user_id"}} as user_id,
    lower({{> no_value column="email"}}) as email,
    {{> no_value column="phone"}} as phone,
    {{cast "ordered_at" "string"}} as ordered_at,
    lower(trim({{cast "status" "string"}})) as status,
    upper(trim({{cast "currency" "string"}})) as currency,
    case when trim({{cast "amount" "string"}}) = '' then null else trim({{cast "amount" "string"}}) end as amount,
    lower(trim({{cast "channel" "string"}})) as channel,
    {{regexp_replace (cast "phone" "string") "[^0-9]" ""}} as phone_digits
  from source
)

select
  order_id,
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
  {{cast "ordered_at" "timestamp"}} as ordered_at,
  status,
  currency,
  cast(amount as decimal(12, 2)) as amount,
  channel
from texts
