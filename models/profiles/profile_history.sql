{{config materialized="snapshot" unique_key="profile_id" strategy="check" check_cols="email,phone,first_name,last_name,city,country" hard_deletes="invalidate" tags="profiles"}}
{{!--
  The golden profile's history (SCD type 2): each build that sees a profile's email, phone, name
  or place change closes its current version (cdp_valid_to) and opens a new one; a profile that
  disappears (merged into another) is closed. Query a profile's past:
    select * from profile_history where profile_id = '...' order by cdp_valid_from
--}}
select profile_id, email, phone, first_name, last_name, city, country
from {{ref "profiles"}}
