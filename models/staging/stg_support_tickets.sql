{{config materialized="view" tags="staging"}}
{{!--
  stg_support_tickets: one row per helpdesk ticket, cleaned.
  Many phone/chat tickets have no email: only a name, part of a phone number and a postcode,
  kept here for probabilistic matching. requester_name is split into first/last ("Smith, Anna"
  and "SMITH, Anna" are reordered; a bare initial like "Anna S." gives no last name).
  phone_digits is set only for full numbers; phone_last4 also for fragments ("ending 0134").
  Timestamps arrive day-first ("14/03/2025 09:21", UTC) and are parsed by position.
--}}
{{test "not_null" column="ticket_id"}}
{{test "unique" column="ticket_id"}}
{{test "not_null" column="opened_at"}}
{{test "not_null" column="channel"}}
{{test "accepted_values" column="channel" values="email,chat,phone,web_form"}}
{{test "accepted_values" column="satisfaction_score" values="1,2,3,4,5"}}

with source as (
  select * from {{ref "raw_support_tickets"}}
),

texts as (
  select
    {{cast "ticket_id" "string"}} as ticket_id,
    case when lower(trim({{cast "requester_name" "string"}})) in ({{literal (var "no_value_tokens")}})
      then null else trim({{regexp_replace (cast "requester_name" "string") " +" " "}}) end as full_name,
    lower({{> no_value column="requester_email"}}) as email,
    {{> no_value column="requester_phone"}} as phone,
    replace(upper({{> no_value column="postcode"}}), ' ', '') as postcode_compact,
    {{cast "opened_at" "string"}} as opened_at,
    case when trim({{cast "closed_at" "string"}}) = '' then null else trim({{cast "closed_at" "string"}}) end as closed_at,
    lower(trim({{cast "channel" "string"}})) as channel,
    case when trim({{cast "satisfaction_score" "string"}}) = '' then null
      else trim({{cast "satisfaction_score" "string"}}) end as satisfaction_score,
    {{> no_value column="feedback"}} as feedback,
    {{regexp_replace (cast "requester_phone" "string") "[^0-9]" ""}} as phone_digits
  from source
),

ordered as (
  select
    *,
    case when strpos(full_name, ',') > 0
      then trim(
        trim(substr(full_name, strpos(full_name, ',') + 1)) || ' '
        || trim(substr(full_name, 1, strpos(full_name, ',') - 1))
      )
      else full_name end as name_ordered,
    -- Day-first "14/03/2025 09:21" rewritten as "2025-03-14 09:21:00", read the same everywhere.
    case when opened_at like '__/__/____%'
      then substr(opened_at, 7, 4) || '-' || substr(opened_at, 4, 2) || '-' || substr(opened_at, 1, 2)
        || ' ' || substr(opened_at, 12, 5) || ':00'
      else opened_at end as opened_at_iso,
    case when closed_at like '__/__/____%'
      then substr(closed_at, 7, 4) || '-' || substr(closed_at, 4, 2) || '-' || substr(closed_at, 1, 2)
        || ' ' || substr(closed_at, 12, 5) || ':00'
      else closed_at end as closed_at_iso
  from texts
),

split as (
  select
    *,
    case when strpos(name_ordered, ' ') > 0
      then substr(name_ordered, 1, strpos(name_ordered, ' ') - 1) else name_ordered end as first_token,
    case when strpos(name_ordered, ' ') > 0
      then substr(name_ordered, length(name_ordered) - strpos(reverse(name_ordered), ' ') + 2) end as last_token
  from ordered
)

select
  ticket_id,
  full_name,
  case when first_token = upper(first_token) or first_token = lower(first_token)
    then upper(substr(first_token, 1, 1)) || lower(substr(first_token, 2)) else first_token end as first_name,
  case
    when length(replace(last_token, '.', '')) <= 1 then null
    when last_token = upper(last_token) or last_token = lower(last_token)
      then upper(substr(last_token, 1, 1)) || lower(substr(last_token, 2))
    else last_token
  end as last_name,
  case when email like '%_@_%' then email end as email,
  phone as phone_raw,
  case
    when phone is null or length(phone_digits) < 8 then null
    when replace(phone_digits, substr(phone_digits, 1, 1), '') = '' then null
    when replace(substr(phone_digits, 2), '0', '') = '' then null
    when phone_digits in ('1234567890', '0123456789', '12345678901') then null
    else phone_digits
  end as phone_digits,
  case when length(phone_digits) >= 4 then right(phone_digits, 4) end as phone_last4,
  case
    when upper(substr(postcode_compact, 1, 1)) between 'A' and 'Z' and length(postcode_compact) between 5 and 7
      then substr(postcode_compact, 1, length(postcode_compact) - 3) || ' ' || right(postcode_compact, 3)
    when length(postcode_compact) = 4 and {{regexp_replace "postcode_compact" "[0-9]" ""}} = ''
      then '0' || postcode_compact
    else postcode_compact
  end as postcode,
  {{cast "opened_at_iso" "timestamp"}} as opened_at,
  {{cast "closed_at_iso" "timestamp"}} as closed_at,
  channel,
  {{cast "satisfaction_score" "int64"}} as satisfaction_score,
  feedback
from split
