{#- Smart-monitoring camera points as the cameras feed names them: where each one is (the
    newest event's co-op, site and spot in the building) and when it was first and last
    heard from. Uptime per point is fct_camera_uptime. -#}
with

events as (
    {{ current_batch_rows(ref('stg_feeds__cameras')) | indent(4) }}
),

newest as (
    select
        events.*,
        row_number() over (
            partition by camera_id
            order by event_at desc, batch_received_at desc, batch_id desc, source_row desc
        ) as recency
    from events
),

per_camera as (
    select
        camera_id,
        max(case when recency = 1 then coop_id end) as coop_id,
        max(case when recency = 1 then site_id end) as site_id,
        max(case when recency = 1 then location end) as location,
        min(event_at) as first_event_at,
        max(event_at) as last_event_at
    from newest
    group by camera_id
),

final as (
    select
        camera_id,
        coop_id,
        site_id,
        location,
        first_event_at,
        last_event_at
    from per_camera
)

select * from final
