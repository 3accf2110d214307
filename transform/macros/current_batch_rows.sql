{#- Rows of `rows_relation` (a staging model with batch_id) from the batches that count, with
    their batch's arrival: what every mart over a feed starts from. Which batches count (landed,
    not superseded by a resend or correction) is decided in one place only, the model
    int_batches__current; this macro joins to it and keeps its is_current rows, and must not
    restate the rule (no status or supersedes_batch_id tests here). -#}
{% macro current_batch_rows(rows_relation) -%}
    select feed_rows.*, batches.received_at as batch_received_at
    from {{ rows_relation }} as feed_rows
    inner join {{ ref('int_batches__current') }} as batches
        on feed_rows.batch_id = batches.batch_id
    where batches.is_current
{%- endmacro %}
