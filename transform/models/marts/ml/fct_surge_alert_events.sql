with

events as (
    select * from {{ ref('stg_ml__surge_alert_events') }}
),

newest as (
    {{ newest_generation('events') | indent(4) }}
),

final as (
    select
        {{ surrogate_key(['alert_id', 'event_at', 'event']) }} as alert_event_key,
        alert_id,
        governorate_id,
        category_id,
        event_at,
        event,
        severity,
        ratio,
        generated_at
    from newest
)

select * from final
