{{config materialized="table" tags="profiles"}}
{{!--
  The golden record: one row per profile, each attribute chosen by a survivorship rule.
  Email: most recent; names: by source priority (the CRM is curated, sign-up forms are typed
  in a hurry); city and country: most frequent; first and last seen over every record.
--}}
{{test "unique" column="profile_id"}}
{{test "not_null" column="profile_id"}}
select
  profile_id,
  {{most_recent "lower(email)" "seen_at"}} as email,
  {{by_priority "phone" "source" "raw_crm_contacts,raw_app_signups,raw_loyalty_members,raw_orders,raw_support_tickets"}} as phone,
  {{by_priority "first_name" "source" "raw_crm_contacts,raw_loyalty_members,raw_app_signups,raw_support_tickets"}} as first_name,
  {{by_priority "last_name" "source" "raw_crm_contacts,raw_loyalty_members,raw_app_signups,raw_support_tickets"}} as last_name,
  {{most_frequent "city"}} as city,
  {{most_frequent "country"}} as country,
  min(seen_at) as first_seen_at,
  max(seen_at) as last_seen_at,
  count(*) as records,
  count(distinct source) as sources
from {{ref "profile_records"}}
group by profile_id
