{{config materialized="incremental" unique_key="order_date,currency" tags="marts"}}
{{!--
  Revenue per day and currency, converted to USD. Incremental: later runs only recompute the
  last three days already in the table (late orders and refunds land there), merged on the key.
--}}
{{test "not_null" column="order_date"}}
{{test "not_null" column="revenue_usd"}}
select
  {{cast "ordered_at" "date"}} as order_date,
  currency,
  count(*) as orders,
  sum(amount) as revenue,
  sum(amount * case currency
    {{#each (var "fx_to_usd")}}
    when '{{@key}}' then {{this}}
    {{/each}}
  end) as revenue_usd
from {{ref "stg_orders"}}
where status in ({{literal (var "revenue_statuses")}})
{{#if is_incremental}}
  and {{cast "ordered_at" "date"}} >= (select {{date_add "max(order_date)" -3 "day"}} from {{self}})
{{/if}}
group by 1, 2
