{{config materialized="table" tags="audiences"}}
{{!-- Signed up in the app in the last 30 days and never ordered: onboarding nudge. --}}
{{test "unique" column="profile_id"}}
select p.profile_id, p.email, p.phone, p.country, p.first_name, min(a.signed_up_at) as signed_up_at
from {{ref "record_profiles"}} as r
join {{ref "stg_app_signups"}} as a on r.source = 'raw_app_signups' and r.record_id = {{cast "a.signup_id" "string"}}
join {{ref "profiles"}} as p on p.profile_id = r.profile_id
join {{ref "profile_traits"}} as t on t.profile_id = r.profile_id
where t.order_count = 0
  and {{cast "a.signed_up_at" "date"}} > {{cast (date_add (cast (literal (var "as_of")) "date") -30 "day") "date"}}
group by p.profile_id, p.email, p.phone, p.country, p.first_name
