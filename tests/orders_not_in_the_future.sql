{{!-- A singular test: orders dated after the data set's end are a loading bug. --}}
select order_id, ordered_at
from {{ref "stg_orders"}}
where ordered_at > timestamp '2026-11-01 00:00:00'
