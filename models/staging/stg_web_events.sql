{{config materialized="view" tags="staging"}}
{{!--
  stg_web_events: one row per storefront analytics event, cleaned.
  anonymous_id identifies a browser (shared browsers exist: family and library computers);
  user_id is set once the visitor logged in or signed up; email only on some form events.
  occurred_at is UTC (the raw value is ISO 8601 with a trailing Z).
--}}
{{test "not_null" column="event_id"}}
{{test "unique" column="event_id"}}
{{test "not_null" column="anonymous_id"}}
{{test "not_null" column="event_type"}}
{{test "accepted_values" column="event_type" values="page_view,product_view,add_to_cart,checkout,login,signup"}}
{{test "not_null" column="occurred_at"}}

with source as (
  select * from {{ref "raw_web_events"}}
),

texts as (
  select
    {{cast "event_id" "string"}} as event_id,
    lower({{> no_value column="anonymous_id"}}) as anonymous_id,
    {{> no_value column="user_id"}} as user_id,
    lower(trim({{cast "event_type" "string"}})) as event_type,
    case when trim({{cast "page_url" "string"}}) = '' then null else trim({{cast "page_url" "string"}}) end as page_url,
    lower({{> no_value column="utm_source"}}) as utm_source,
    lower({{> no_value column="utm_medium"}}) as utm_medium,
    {{cast "occurred_at" "string"}} as occurred_at,
    lower({{> no_value column="email"}}) as email
  from source
)

select
  event_id,
  anonymous_id,
  user_id,
  event_type,
  page_url,
  utm_source,
  utm_medium,
  {{cast "occurred_at" "timestamp"}} as occurred_at,
  case when email like '%_@_%' then email end as email
from texts
