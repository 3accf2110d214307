{#- Co-op staff as the quarterly hr snapshots list them, one row per employee with their
    newest snapshot's site, job and nationality. Personal data kept minimal: the feed sends
    no names; the civil ID stays for auditors (Cube shows it to auditors only) and salaries
    stay aggregated in fct_employment_quarterly. Head-office staff come with the co-op id
    in place of a site: their site_id is null and is_head_office true. -#}
with

staff as (
    {{ current_batch_rows(ref('stg_feeds__hr')) | indent(4) }}
),

newest as (
    select
        staff.*,
        row_number() over (
            partition by coop_id, employee_id
            order by snapshot_date desc, batch_received_at desc, batch_id desc, source_row desc
        ) as recency
    from staff
),

coop_snapshots as (
    -- the co-op's newest snapshot: who is on it is employed now
    select coop_id, max(snapshot_date) as last_coop_snapshot_date
    from staff
    group by coop_id
),

spans as (
    select
        coop_id,
        employee_id,
        min(snapshot_date) as first_snapshot_date
    from staff
    group by coop_id, employee_id
),

final as (
    select
        {{ surrogate_key(['newest.coop_id', 'newest.employee_id']) }} as employee_key,
        newest.employee_id,
        newest.coop_id,
        newest.civil_id,
        case when newest.site_id <> newest.coop_id then newest.site_id end as site_id,
        coalesce(newest.site_id = newest.coop_id, false) as is_head_office,
        newest.nationality,
        newest.nationality = 'KW' as is_kuwaiti,
        newest.job_title,
        newest.is_supervisory,
        newest.hire_date,
        spans.first_snapshot_date,
        newest.snapshot_date as last_snapshot_date,
        newest.snapshot_date = coop_snapshots.last_coop_snapshot_date as is_current
    from newest
    inner join spans
        on newest.coop_id = spans.coop_id
        and newest.employee_id = spans.employee_id
    inner join coop_snapshots
        on newest.coop_id = coop_snapshots.coop_id
    where newest.recency = 1
)

select * from final
