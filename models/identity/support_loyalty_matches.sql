{{config materialized="match" settings="people" tags="identity"}}
{{!--
  The records no shared key links reliably: support tickets (many give only a name, the last
  digits of a phone number and a postcode), loyalty members (with a date of birth), CRM contacts
  and app accounts, in the person-record shape of the match settings (NULL where a source has
  nothing). Pairs scored at or above the threshold become identity edges (source `match`).
  record_id is `<type>:<id>` with the identifier types identity_edges uses: ticket, loyalty,
  contact, and user_id (an app account links its user id directly, so a person's account and
  their CRM contact or tickets meet where they share no e-mail). An account takes part when it
  gives a phone: a name, and an e-mail address made of it (susan.miller@ / susanmiller@), are
  what two namesakes share; the phone's last digits tell them apart.
--}}
select 'ticket:' || ticket_id as record_id, first_name, last_name, {{cast "null" "date"}} as dob, email,
  phone_last4 as phone, postcode, {{cast "null" "string"}} as city, {{cast "null" "string"}} as address,
  {{cast "null" "string"}} as national_id
from {{ref "stg_support_tickets"}}
union all
select 'loyalty:' || member_id, first_name, last_name, date_of_birth, email,
  right(phone_digits, 4), postcode, null, null, null
from {{ref "stg_loyalty_members"}}
union all
select 'contact:' || {{cast "contact_id" "string"}}, first_name, last_name, null, email,
  right(phone_digits, 4), postcode, null, null, null
from {{ref "stg_crm_contacts"}}
union all
select 'user_id:' || user_id, first_name, last_name, null, email, right(phone_digits, 4), null, null, null, null
from {{ref "stg_app_signups"}} where user_id is not null and phone_digits is not null
