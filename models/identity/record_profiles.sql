{{config materialized="table" tags="identity"}}
{{!--
  The profile behind every source record: each record is looked up by its identifiers, strongest
  first (account, then email, phone, browser, then the record itself when matching linked it), normalised exactly as the stitch normalised them.
  Records with no usable identifier have no row.
--}}
{{test "not_null" column="profile_id"}}
with keys as (
  select 'raw_web_events' as source, event_id as record_id, 1 as priority, 'user_id' as identifier_type,
    {{identity_normalize "user_id" "user_id" "recommended"}} as identifier from {{ref "stg_web_events"}}
  union all select 'raw_web_events', event_id, 2, 'email', {{identity_normalize "email" "email" "recommended"}} from {{ref "stg_web_events"}}
  union all select 'raw_web_events', event_id, 3, 'anon', {{identity_normalize "anon" "anonymous_id" "recommended"}} from {{ref "stg_web_events"}}
  union all select 'raw_app_signups', signup_id, 1, 'user_id', {{identity_normalize "user_id" "user_id" "recommended"}} from {{ref "stg_app_signups"}}
  union all select 'raw_app_signups', signup_id, 2, 'email', {{identity_normalize "email" "email" "recommended"}} from {{ref "stg_app_signups"}}
  union all select 'raw_app_signups', signup_id, 3, 'phone', {{identity_normalize "phone" "phone_raw" "recommended"}} from {{ref "stg_app_signups"}}
  union all select 'raw_orders', order_id, 1, 'user_id', {{identity_normalize "user_id" "user_id" "recommended"}} from {{ref "stg_orders"}}
  union all select 'raw_orders', order_id, 2, 'email', {{identity_normalize "email" "email" "recommended"}} from {{ref "stg_orders"}}
  union all select 'raw_orders', order_id, 3, 'phone', {{identity_normalize "phone" "phone_raw" "recommended"}} from {{ref "stg_orders"}}
  union all select 'raw_crm_contacts', contact_id, 1, 'email', {{identity_normalize "email" "email" "recommended"}} from {{ref "stg_crm_contacts"}}
  union all select 'raw_crm_contacts', contact_id, 2, 'phone', {{identity_normalize "phone" "phone_raw" "recommended"}} from {{ref "stg_crm_contacts"}}
  union all select 'raw_loyalty_members', member_id, 1, 'email', {{identity_normalize "email" "email" "recommended"}} from {{ref "stg_loyalty_members"}}
  union all select 'raw_loyalty_members', member_id, 2, 'phone', {{identity_normalize "phone" "phone_raw" "recommended"}} from {{ref "stg_loyalty_members"}}
  union all select 'raw_support_tickets', ticket_id, 1, 'email', {{identity_normalize "email" "email" "recommended"}} from {{ref "stg_support_tickets"}}
  union all select 'raw_support_tickets', ticket_id, 2, 'phone', {{identity_normalize "phone" "phone_raw" "recommended"}} from {{ref "stg_support_tickets"}}
  -- Records linked only by probabilistic matching are found by their own record identifier.
  union all select 'raw_crm_contacts', contact_id, 3, 'contact', {{identity_normalize "contact" (cast "contact_id" "string") "recommended"}} from {{ref "stg_crm_contacts"}}
  union all select 'raw_loyalty_members', member_id, 3, 'loyalty', {{identity_normalize "loyalty" "member_id" "recommended"}} from {{ref "stg_loyalty_members"}}
  union all select 'raw_support_tickets', ticket_id, 3, 'ticket', {{identity_normalize "ticket" "ticket_id" "recommended"}} from {{ref "stg_support_tickets"}}
),
matched as (
  select k.source, {{cast "k.record_id" "string"}} as record_id, g.profile_id,
    row_number() over (partition by k.source, k.record_id order by k.priority) as pick
  from keys as k
  join {{ref "identity_graph"}} as g on g.identifier_type = k.identifier_type and g.identifier = k.identifier
)
select source, record_id, profile_id from matched where pick = 1
