{{config materialized="view" tags="identity"}}
{{!--
  Every link between two identifiers that a source asserts, one row per link:
  a_type, a_value, b_type, b_value, seen_at, source. A record with a single identifier gives a
  row with b_value NULL, so the identifier still becomes (part of) a profile.
--}}
-- Web events, from the seed or from the collector (identify calls: the browser ↔ the user id it
-- logged in as ↔ the email the form had).
select 'anon' as a_type, anonymous_id as a_value, 'user_id' as b_type, user_id as b_value,
  {{cast "occurred_at" "timestamp"}} as seen_at, 'web' as source, {{cast "null" "float64"}} as weight
from {{ref "stg_web_events"}} where anonymous_id is not null
union all
select 'anon', anonymous_id, 'email', email, {{cast "occurred_at" "timestamp"}}, 'web', null
from {{ref "stg_web_events"}} where anonymous_id is not null and email is not null
{{#if (var "collected_web_events" false)}}
-- What only the collector knows: identify calls from a server (no browser: the user id ↔ its
-- email), and alias calls (the previous id, a browser's or an older user id ↔ the user id).
union all
select 'user_id', {{> no_value column="user_id"}}, 'email', lower({{> no_value column="email"}}),
  {{cast (quote "timestamp") "timestamp"}}, 'web', null
from {{source "events" "identifies"}}
where anonymous_id is null and user_id is not null
union all
select case when previous_id = anonymous_id then 'anon' else 'user_id' end,
  case when previous_id = anonymous_id then lower(previous_id) else previous_id end,
  'user_id', {{> no_value column="user_id"}}, {{cast (quote "timestamp") "timestamp"}}, 'web', null
from {{source "events" "aliases"}}
where previous_id is not null and user_id is not null
{{/if}}
union all
select 'user_id', user_id, 'email', email, {{cast "signed_up_at" "timestamp"}}, 'app', null
from {{ref "stg_app_signups"}} where user_id is not null
union all
select 'user_id', user_id, 'phone', phone_raw, {{cast "signed_up_at" "timestamp"}}, 'app', null
from {{ref "stg_app_signups"}} where user_id is not null and phone_raw is not null
union all
select 'user_id', user_id, case when platform = 'web' then 'anon' else 'device' end, lower(device_id),
  {{cast "signed_up_at" "timestamp"}}, 'app', null
from {{ref "stg_app_signups"}} where user_id is not null and device_id is not null
union all
select 'user_id', user_id, 'email', email, {{cast "ordered_at" "timestamp"}}, 'orders', null
from {{ref "stg_orders"}} where user_id is not null
union all
select 'email', email, 'phone', phone_raw, {{cast "ordered_at" "timestamp"}}, 'orders', null
from {{ref "stg_orders"}} where email is not null or phone_raw is not null
union all
select 'email', email, 'phone',
  -- The CRM knows the contact's country: a national number (trunk 0) is read with its code.
  case
    when phone_raw like '+%' or phone_raw like '00%' then phone_raw
    {{#each (var "calling_codes")}}
    when country = '{{@key}}' and phone_digits is not null
      then concat('+{{this}}', {{regexp_replace "phone_digits" "^0" ""}})
    {{/each}}
    else phone_raw
  end,
  {{cast "updated_at" "timestamp"}}, 'crm', null
from {{ref "stg_crm_contacts"}}
union all
select 'email', email, 'phone', phone_raw, {{cast "joined_at" "timestamp"}}, 'loyalty', null
from {{ref "stg_loyalty_members"}}
union all
select 'email', email, 'phone', phone_raw, {{cast "opened_at" "timestamp"}}, 'support', null
from {{ref "stg_support_tickets"}}
-- Probabilistic links (support_loyalty_matches): every matched record becomes an identifier
-- (`ticket`, `loyalty`, `contact`) attached to its own email and phone, and each pair scored at
-- or above the threshold links two of them with its match weight, so fuzzy and deterministic
-- links form one graph; the match's cannot-links (two records its links chain together that
-- compare as different people) come with their negative weight, so the stitch joins two profiles
-- only where the links between them outweigh the evidence against.
union all
select 'ticket', ticket_id, 'email', email, {{cast "opened_at" "timestamp"}}, 'support', null
from {{ref "stg_support_tickets"}}
where 'ticket:' || ticket_id in (select record_id_l from {{ref "support_loyalty_matches"}} union all select record_id_r from {{ref "support_loyalty_matches"}})
  and email is not null
union all
select 'ticket', ticket_id, 'phone', phone_raw, {{cast "opened_at" "timestamp"}}, 'support', null
from {{ref "stg_support_tickets"}}
where 'ticket:' || ticket_id in (select record_id_l from {{ref "support_loyalty_matches"}} union all select record_id_r from {{ref "support_loyalty_matches"}})
  and phone_raw is not null
union all
select 'loyalty', member_id, 'email', email, {{cast "joined_at" "timestamp"}}, 'loyalty', null
from {{ref "stg_loyalty_members"}}
where 'loyalty:' || member_id in (select record_id_l from {{ref "support_loyalty_matches"}} union all select record_id_r from {{ref "support_loyalty_matches"}})
  and email is not null
union all
select 'loyalty', member_id, 'phone', phone_raw, {{cast "joined_at" "timestamp"}}, 'loyalty', null
from {{ref "stg_loyalty_members"}}
where 'loyalty:' || member_id in (select record_id_l from {{ref "support_loyalty_matches"}} union all select record_id_r from {{ref "support_loyalty_matches"}})
  and phone_raw is not null
union all
select 'contact', {{cast "contact_id" "string"}}, 'email', email, {{cast "updated_at" "timestamp"}}, 'crm', null
from {{ref "stg_crm_contacts"}}
where 'contact:' || {{cast "contact_id" "string"}} in (select record_id_l from {{ref "support_loyalty_matches"}} union all select record_id_r from {{ref "support_loyalty_matches"}})
  and email is not null
union all
select substr(record_id_l, 1, strpos(record_id_l, ':') - 1), substr(record_id_l, strpos(record_id_l, ':') + 1),
  substr(record_id_r, 1, strpos(record_id_r, ':') - 1), substr(record_id_r, strpos(record_id_r, ':') + 1),
  {{cast "null" "timestamp"}}, 'match', match_weight
from {{ref "support_loyalty_matches"}}
union all
select substr(record_id_l, 1, strpos(record_id_l, ':') - 1), substr(record_id_l, strpos(record_id_l, ':') + 1),
  substr(record_id_r, 1, strpos(record_id_r, ':') - 1), substr(record_id_r, strpos(record_id_r, ':') + 1),
  {{cast "null" "timestamp"}}, 'match', evidence
from {{ref "support_loyalty_matches" side="cannot_links"}}
