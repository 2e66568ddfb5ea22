select
  CAST(ordered_at AS DATE) as order_date,
  currency,
  count(*) as orders,
  sum(amount) as revenue,
  sum(amount * case currency
    when 'USD' then 1
    when 'EUR' then 1.08
    when 'GBP' then 1.27
  end) as revenue_usd
from "demo"."stg_orders"
where status in ('completed')
  and CAST(ordered_at AS DATE) >= (select (max(order_date) + INTERVAL '-3 day') from "demo"."daily_revenue")
group by 1, 2
