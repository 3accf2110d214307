{#- A co-op's requests to the ministry: where each stands, how many working days it has
    waited in its current status, and whether it is stalled (a non-final status held more
    than var stalled_after_working_days working days). Working days come from dim_date
    (Friday-Saturday weekend and public holidays off): working_day_number(b) -
    working_day_number(a). "Today" is the newest status change in the feed, so a replayed
    history reads as a live one. -#}
with

events as (
    {{ current_batch_rows(ref('stg_feeds__transactions')) | indent(4) }}
),

dates as (
    select * from {{ ref('dim_date') }}
),

ranked as (
    select
        events.*,
        row_number() over (
            partition by transaction_id order by status_at desc, batch_received_at desc, source_row desc
        ) as recency,
        min(status_at) over (partition by transaction_id) as submitted_at,
        count(*) over (partition by transaction_id) as status_changes,
        sum(case when status = 'returned' then 1 else 0 end) over (partition by transaction_id) as times_returned
    from events
),

as_of as (
    select cast(max(status_at) as date) as as_of_date from events
),

latest as (
    select * from ranked where recency = 1
),

final as (
    select
        {{ surrogate_key(['latest.transaction_id']) }} as transaction_key,
        latest.transaction_id,
        latest.coop_id,
        latest.request_type,
        latest.submitted_at,
        latest.status as current_status,
        latest.actor as current_actor,
        latest.status_at as current_status_at,
        latest.status in ('approved', 'rejected') as is_final,
        cast(latest.status_changes as integer) as status_changes,
        cast(latest.times_returned as integer) as times_returned,
        as_of.as_of_date,
        cast(as_of_day.working_day_number - status_day.working_day_number as integer) as working_days_in_status,
        cast(
            case
                when latest.status in ('approved', 'rejected') then status_day.working_day_number
                else as_of_day.working_day_number
            end
            - submitted_day.working_day_number as integer
        ) as working_days_open,
        (
            latest.status not in ('approved', 'rejected')
            and as_of_day.working_day_number - status_day.working_day_number
            > {{ var('stalled_after_working_days') }}
        ) as is_stalled
    from latest
    cross join as_of
    inner join dates as status_day
        on cast(latest.status_at as date) = status_day.date_day
    inner join dates as submitted_day
        on cast(latest.submitted_at as date) = submitted_day.date_day
    inner join dates as as_of_day
        on as_of.as_of_date = as_of_day.date_day
)

select * from final
