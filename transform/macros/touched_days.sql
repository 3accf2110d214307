{#- The co-op-days an incremental run of a lake fact recomputes: the days the ledger
    holds a batch for that is newer than the ones the built rows came from (a late
    batch, a resend, a correction), days never built, and the look-back window behind
    the newest built day. Arrival times alone cannot be the window: a history ingested
    at once arrives within a minute. Renders a select of (coop_id, <date_column>). -#}
{% macro ledger_touched_days(feed, date_column) -%}
    with ledger_days as (
        select coop_id, business_date as {{ date_column }}, max(received_at) as last_received_at
        from {{ ref('int_batches__current') }}
        where feed = '{{ feed }}' and status = 'landed'
        group by coop_id, business_date
    ),

    built_days as (
        select coop_id, {{ date_column }}, max(batch_received_at) as last_received_at
        from {{ this }}
        group by coop_id, {{ date_column }}
    ),

    horizon as (
        select max({{ date_column }}) as last_day from {{ this }}
    )

    select ledger_days.coop_id, ledger_days.{{ date_column }}
    from ledger_days
    cross join horizon
    left join built_days
        on ledger_days.coop_id = built_days.coop_id
        and ledger_days.{{ date_column }} = built_days.{{ date_column }}
    where built_days.last_received_at is null
        or ledger_days.last_received_at > built_days.last_received_at
        or horizon.last_day is null
        or ledger_days.{{ date_column }} > {{ dbt.dateadd('day', -var('lookback_days'), 'horizon.last_day') }}
{%- endmacro %}

{#- The rows of `rows_relation` (a CTE with coop_id and <date_column>) an incremental run
    rebuilds: all of them on a full build, those on ledger_touched_days otherwise. -#}
{% macro ledger_scoped(rows_relation, feed, date_column) -%}
    select {{ rows_relation }}.*
    from {{ rows_relation }}
    {%- if is_incremental() %}
    inner join (
        {{ ledger_touched_days(feed, date_column) | indent(8) }}
    ) as touched
        on {{ rows_relation }}.coop_id = touched.coop_id
        and {{ rows_relation }}.{{ date_column }} = touched.{{ date_column }}
    {%- endif %}
{%- endmacro %}
