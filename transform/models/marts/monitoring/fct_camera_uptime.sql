{#- Smart-monitoring uptime per camera point: each status holds from its event to the
    next one (the last one to "now", the newest event in the feed). -#}
with

events as (
    {{ current_batch_rows(ref('stg_feeds__cameras')) | indent(4) }}
),

as_of as (
    select max(event_at) as as_of_at from events
),

spans as (
    select
        events.*,
        coalesce(
            lead(events.event_at) over (partition by events.camera_id order by events.event_at, events.source_row),
            as_of.as_of_at
        ) as until_at,
        row_number() over (
            partition by events.camera_id order by events.event_at desc, events.source_row desc
        ) as recency
    from events
    cross join as_of
),

per_camera as (
    select
        camera_id,
        max(coop_id) as coop_id,
        max(site_id) as site_id,
        max(location) as location,
        min(event_at) as first_event_at,
        sum(
            case when status = 'online' then {{ dbt.datediff('event_at', 'until_at', 'minute') }} else 0 end
        ) / 60.0 as online_hours,
        sum(
            case when status = 'offline' then {{ dbt.datediff('event_at', 'until_at', 'minute') }} else 0 end
        ) / 60.0 as offline_hours,
        sum(case when status = 'offline' then 1 else 0 end) as outages,
        max(case when recency = 1 then status end) as current_status,
        max(case when recency = 1 then event_at end) as current_since
    from spans
    group by camera_id
),

final as (
    select
        {{ surrogate_key(['camera_id']) }} as camera_key,
        camera_id,
        coop_id,
        site_id,
        location,
        first_event_at,
        cast(online_hours as double) as online_hours,
        cast(offline_hours as double) as offline_hours,
        case
            when online_hours + offline_hours > 0
                then round(cast(online_hours / (online_hours + offline_hours) as double), 4)
        end as uptime_share,
        cast(outages as integer) as outages,
        current_status,
        current_since
    from per_camera
)

select * from final
