{{config materialized="view" tags="staging"}}
{{!--
  stg_web_events: one row per storefront analytics event, cleaned.
  anonymous_id identifies a browser (shared browsers exist: family and library computers);
  user_id is set once the visitor logged in or signed up; email only on some form events.
  occurred_at is UTC (the raw value is ISO 8601 with a trailing Z).

  The events come from the seed raw_web_events (default), or with
  --vars '{"collected_web_events": true}' from the tables `cdp collect` loads (source "events",
  Segment's warehouse schema), as the replay (`npm run generate -- --replay URL`) or cdp.js sent
  them: pages (named "Product" for a product page), the tracks "Product Added" and
  "Checkout Started", and identifies (a signup carries the createdAt trait, a login does not).
  Browser events only: a call without an anonymous id (a server's) is no web visit.
--}}
{{test "not_null" column="event_id"}}
{{test "unique" column="event_id"}}
{{test "not_null" column="anonymous_id"}}
{{test "not_null" column="event_type"}}
{{test "accepted_values" column="event_type" values="page_view,product_view,add_to_cart,checkout,login,signup"}}
{{test "not_null" column="occurred_at"}}

with source as (
{{#if (var "collected_web_events" false)}}
  select id as event_id, anonymous_id, user_id,
    case when name = 'Product' then 'product_view' else 'page_view' end as event_type,
    context_page_url as page_url, {{cast "null" "string"}} as email, {{quote "timestamp"}} as occurred_at
  from {{source "events" "pages"}}
  union all
  select id, anonymous_id, user_id,
    case event when 'product_added' then 'add_to_cart' when 'checkout_started' then 'checkout' end,
    context_page_url, {{cast "null" "string"}}, {{quote "timestamp"}}
  from {{source "events" "tracks"}}
  where event in ('product_added', 'checkout_started')
  union all
  select id, anonymous_id, user_id,
    case when created_at is not null then 'signup' else 'login' end,
    context_page_url, {{cast "email" "string"}}, {{quote "timestamp"}}
  from {{source "events" "identifies"}}
),

collected as (
  -- The campaign as the page's URL says it (what context.campaign holds when a client filled it).
  select event_id, anonymous_id, user_id, event_type, page_url,
    case when page_url like '%utm_source=%'
      then {{regexp_replace (regexp_replace "page_url" "^.*[?&]utm_source=" "") "[&#].*$" ""}} end as utm_source,
    case when page_url like '%utm_medium=%'
      then {{regexp_replace (regexp_replace "page_url" "^.*[?&]utm_medium=" "") "[&#].*$" ""}} end as utm_medium,
    {{cast "occurred_at" "timestamp"}} as occurred_at, email
  from source
  where anonymous_id is not null
),
{{else}}
  select * from {{ref "raw_web_events"}}
),
{{/if}}

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
  from {{#if (var "collected_web_events" false)}}collected{{else}}source{{/if}}
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
