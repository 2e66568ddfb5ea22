{{config materialized="table" tags="traits"}}
{{!--
  Computed traits per profile: lifetime value in USD, orders, first and last order, last
  channel, average satisfaction, web activity, and a churn risk from recency and frequency.
--}}
{{test "unique" column="profile_id"}}
{{test "accepted_values" column="churn_risk" values="high,medium,low,none"}}
with orders as (
  select r.profile_id, o.ordered_at, o.channel, o.status,
    o.amount * case o.currency
      {{#each (var "fx_to_usd")}}
      when '{{@key}}' then {{this}}
      {{/each}}
    end as amount_usd
  from {{ref "record_profiles"}} as r
  join {{ref "stg_orders"}} as o on r.source = 'raw_orders' and r.record_id = {{cast "o.order_id" "string"}}
),
order_traits as (
  select profile_id,
    sum(case when status in ({{literal (var "revenue_statuses")}}) then amount_usd else 0 end) as lifetime_value_usd,
    sum(case when status in ({{literal (var "revenue_statuses")}}) then 1 else 0 end) as order_count,
    min(ordered_at) as first_order_at,
    max(ordered_at) as last_order_at,
    {{most_recent "channel" "ordered_at"}} as last_channel
  from orders group by profile_id
),
ticket_traits as (
  select r.profile_id, count(*) as tickets, avg({{cast "t.satisfaction_score" "float64"}}) as avg_satisfaction
  from {{ref "record_profiles"}} as r
  join {{ref "stg_support_tickets"}} as t on r.source = 'raw_support_tickets' and r.record_id = {{cast "t.ticket_id" "string"}}
  group by r.profile_id
),
web_traits as (
  select r.profile_id, count(*) as web_events, max(w.occurred_at) as last_web_visit_at
  from {{ref "record_profiles"}} as r
  join {{ref "stg_web_events"}} as w on r.source = 'raw_web_events' and r.record_id = {{cast "w.event_id" "string"}}
  group by r.profile_id
)
select
  p.profile_id,
  coalesce(o.lifetime_value_usd, 0) as lifetime_value_usd,
  coalesce(o.order_count, 0) as order_count,
  o.first_order_at,
  o.last_order_at,
  o.last_channel,
  t.avg_satisfaction,
  coalesce(t.tickets, 0) as tickets,
  coalesce(w.web_events, 0) as web_events,
  p.first_seen_at,
  p.last_seen_at,
  {{date_diff "day" (cast "o.last_order_at" "date") (cast (literal (var "as_of")) "date")}} as days_since_last_order,
  case
    when coalesce(o.order_count, 0) = 0 then 'none'
    when {{date_diff "day" (cast "o.last_order_at" "date") (cast (literal (var "as_of")) "date")}} > 180 then 'high'
    when {{date_diff "day" (cast "o.last_order_at" "date") (cast (literal (var "as_of")) "date")}} > 90
      or coalesce(t.avg_satisfaction, 5) < 2.5 then 'medium'
    else 'low'
  end as churn_risk
from {{ref "profiles"}} as p
left join order_traits as o on o.profile_id = p.profile_id
left join ticket_traits as t on t.profile_id = p.profile_id
left join web_traits as w on w.profile_id = p.profile_id
