{#- The current shareholder register of every co-op, from its events: register (the
    opening listing), join and transfer_in add shares, leave and transfer_out remove them;
    dividends move money, not shares. A shareholder with no shares left is no longer a
    member but stays listed with the day they left. -#}
with

events as (
    {{ current_batch_rows(ref('stg_feeds__shareholders')) | indent(4) }}
),

deduplicated as (
    select *
    from (
        select
            events.*,
            row_number() over (
                partition by coop_id, event_id order by batch_received_at desc, batch_id desc, source_row desc
            ) as arrival_rank
        from events
    ) as ranked
    where arrival_rank = 1
),

per_member as (
    select
        coop_id,
        civil_id,
        sum(case
            when event_type in ('register', 'join', 'transfer_in') then shares
            when event_type in ('leave', 'transfer_out') then -shares
            else 0
        end) as shares,
        min(case when event_type in ('register', 'join', 'transfer_in') then event_date end) as member_since,
        max(case when event_type in ('leave', 'transfer_out') then event_date end) as last_exit_date,
        max(case when event_type = 'transfer_in' then other_coop_id end) as transferred_from_coop_id,
        max(case when event_type = 'transfer_out' then other_coop_id end) as transferred_to_coop_id,
        sum(case when event_type = 'dividend' then amount_kwd else 0 end) as dividends_kwd,
        max(area_id) as area_id
    from deduplicated
    group by coop_id, civil_id
),

final as (
    select
        {{ surrogate_key(['coop_id', 'civil_id']) }} as shareholder_key,
        coop_id,
        civil_id,
        area_id,
        cast(shares as integer) as shares,
        shares > 0 as is_member,
        member_since,
        last_exit_date,
        transferred_from_coop_id,
        transferred_to_coop_id,
        cast(dividends_kwd as decimal(18, 3)) as dividends_kwd
    from per_member
)

select * from final
