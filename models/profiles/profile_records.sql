{{config materialized="ephemeral"}}
{{!-- Every record with its profile and the attributes the golden record chooses from. --}}
select r.profile_id, r.source, c.email, c.phone_raw as phone, c.first_name, c.last_name, c.city, c.country,
  {{cast "c.updated_at" "timestamp"}} as seen_at
from {{ref "record_profiles"}} as r join {{ref "stg_crm_contacts"}} as c
  on r.source = 'raw_crm_contacts' and r.record_id = {{cast "c.contact_id" "string"}}
union all
select r.profile_id, r.source, a.email, a.phone_raw, a.first_name, a.last_name, null, null, {{cast "a.signed_up_at" "timestamp"}}
from {{ref "record_profiles"}} as r join {{ref "stg_app_signups"}} as a
  on r.source = 'raw_app_signups' and r.record_id = {{cast "a.signup_id" "string"}}
union all
select r.profile_id, r.source, l.email, l.phone_raw, l.first_name, l.last_name, null, null, {{cast "l.joined_at" "timestamp"}}
from {{ref "record_profiles"}} as r join {{ref "stg_loyalty_members"}} as l
  on r.source = 'raw_loyalty_members' and r.record_id = {{cast "l.member_id" "string"}}
union all
select r.profile_id, r.source, o.email, o.phone_raw, null, null, null, null, {{cast "o.ordered_at" "timestamp"}}
from {{ref "record_profiles"}} as r join {{ref "stg_orders"}} as o
  on r.source = 'raw_orders' and r.record_id = {{cast "o.order_id" "string"}}
union all
select r.profile_id, r.source, t.email, t.phone_raw, t.first_name, t.last_name, null, null, {{cast "t.opened_at" "timestamp"}}
from {{ref "record_profiles"}} as r join {{ref "stg_support_tickets"}} as t
  on r.source = 'raw_support_tickets' and r.record_id = {{cast "t.ticket_id" "string"}}
union all
select r.profile_id, r.source, w.email, null, null, null, null, null, {{cast "w.occurred_at" "timestamp"}}
from {{ref "record_profiles"}} as r join {{ref "stg_web_events"}} as w
  on r.source = 'raw_web_events' and r.record_id = {{cast "w.event_id" "string"}}
