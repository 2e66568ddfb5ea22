{{config materialized="stitch" rules="recommended" tags="identity"}}
{{!--
  One persistent profile per person: identifier_type, identifier, profile_id. Side tables:
  identity_graph__merges (old -> new ids per run), identity_graph__cuts (what the rules set
  aside, and why), identity_graph__profiles (every id issued).
--}}
{{test "not_null" column="profile_id"}}
select a_type, a_value, b_type, b_value, seen_at, source, weight from {{ref "identity_edges"}}
