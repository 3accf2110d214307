{#- The linkage board: for every co-op and every feed it is expected to send, whether it
    is linked, its last batch, how many days late that is, and how much of what it sent
    ingestion refused. "Today" is the latest business day any co-op sent for that feed,
    so a replayed or simulated history reads the same as a live one. -#}
with

coops as (
    select * from {{ ref('stg_reference__coops') }}
),

batches as (
    select * from {{ ref('int_batches__current') }}
),

expected_feeds as (
    {%- for feed in var('linkage_feeds') %}
    select '{{ feed }}' as feed{{ " union all" if not loop.last }}
    {%- endfor %}
),

feeds as (
    select feed from expected_feeds
    union
    select distinct feed from batches
),

coop_feeds as (
    select coops.coop_id, coops.linked_since, feeds.feed
    from coops
    cross join feeds
),

as_of as (
    select feed, max(business_date) as as_of_date
    from batches
    where status = 'landed'
    group by feed
),

per_coop_feed as (
    select
        coop_id,
        feed,
        min(case when status = 'landed' then business_date end) as first_business_date,
        max(case when status = 'landed' then business_date end) as last_business_date,
        max(received_at) as last_received_at,
        cast(count(*) as bigint) as batches_received,
        cast(sum(case when status = 'landed' then 1 else 0 end) as bigint) as batches_landed,
        cast(sum(case when status = 'rejected' then 1 else 0 end) as bigint) as batches_rejected,
        cast(sum(case when is_superseded then 1 else 0 end) as bigint) as batches_superseded,
        cast(sum(rows_in) as bigint) as rows_in,
        cast(sum(rows_landed) as bigint) as rows_landed,
        cast(sum(rows_quarantined) as bigint) as rows_quarantined
    from batches
    group by coop_id, feed
),

last_batch as (
    select coop_id, feed, batch_id as last_batch_id, status as last_batch_status
    from (
        select
            batches.*,
            row_number() over (partition by coop_id, feed order by received_at desc, batch_id desc) as recency
        from batches
    ) as ranked
    where recency = 1
),

final as (
    select
        {{ surrogate_key(['coop_feeds.coop_id', 'coop_feeds.feed']) }} as linkage_status_key,
        coop_feeds.coop_id,
        coop_feeds.feed,
        coalesce(per_coop_feed.batches_landed, 0) > 0 as is_linked,
        coop_feeds.linked_since,
        per_coop_feed.first_business_date,
        per_coop_feed.last_business_date,
        last_batch.last_batch_id,
        last_batch.last_batch_status,
        per_coop_feed.last_received_at,
        as_of.as_of_date,
        -- a feed that is up to date has sent as_of_date itself: 0 days late
        case
            when per_coop_feed.last_business_date is not null
                then cast({{ dbt.datediff('per_coop_feed.last_business_date', 'as_of.as_of_date', 'day') }} as bigint)
        end as late_days,
        coalesce(per_coop_feed.batches_received, 0) as batches_received,
        coalesce(per_coop_feed.batches_landed, 0) as batches_landed,
        coalesce(per_coop_feed.batches_rejected, 0) as batches_rejected,
        coalesce(per_coop_feed.batches_superseded, 0) as batches_superseded,
        coalesce(per_coop_feed.rows_in, 0) as rows_in,
        coalesce(per_coop_feed.rows_landed, 0) as rows_landed,
        coalesce(per_coop_feed.rows_quarantined, 0) as rows_quarantined,
        case
            when per_coop_feed.rows_in > 0
                then cast(per_coop_feed.rows_quarantined as double) / per_coop_feed.rows_in
        end as quarantine_share
    from coop_feeds
    left join per_coop_feed
        on coop_feeds.coop_id = per_coop_feed.coop_id
        and coop_feeds.feed = per_coop_feed.feed
    left join last_batch
        on coop_feeds.coop_id = last_batch.coop_id
        and coop_feeds.feed = last_batch.feed
    left join as_of
        on coop_feeds.feed = as_of.feed
)

select * from final
