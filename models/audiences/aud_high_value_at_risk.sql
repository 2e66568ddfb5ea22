{{config materialized="table" tags="audiences"}}
{{!--
  Customers in the top decile of lifetime value whose churn risk is high: win-back campaign. Equal
  values are ranked by profile id, so the same rows always give the same audience.
--}}
{{test "unique" column="profile_id"}}
{{test "not_null" column="email"}}
with ranked as (
  select t.*, ntile(10) over (order by t.lifetime_value_usd desc, t.profile_id) as value_decile
  from {{ref "profile_traits"}} as t where t.order_count > 0
)
select p.profile_id, p.email, p.phone, p.first_name, p.last_name, p.country, r.lifetime_value_usd, r.days_since_last_order, r.last_channel
from ranked as r join {{ref "profiles"}} as p on p.profile_id = r.profile_id
where r.value_decile = 1 and r.churn_risk = 'high' and p.email is not null
