{#- Social aid paid by each co-op's social committee (the co-op acts as the charity), one
    row per payment, with the central aid system's duplicate check: the same person (civil
    ID) paid the same type of aid in the same calendar month more than once, by another
    charity or twice by the same one. Every payment of such a group is flagged; the first
    by date (then payment id) is month_payment_rank 1, the others are the extra payments.
    A charity sees its own rows and their flags; how many charities paid is a count, so no
    other charity's id shows on its rows. -#}
with

payments as (
    {{ current_batch_rows(ref('stg_feeds__aid')) | indent(4) }}
),

deduplicated as (
    -- a payment listed again by a later current batch of the same co-op counts once: the
    -- later arrival wins
    select *
    from (
        select
            payments.*,
            row_number() over (
                partition by coop_id, payment_id
                order by batch_received_at desc, batch_id desc, source_row desc
            ) as arrival_rank
        from payments
    ) as ranked
    where arrival_rank = 1
),

monthly as (
    select
        deduplicated.*,
        cast({{ dbt.date_trunc('month', 'payment_date') }} as date) as payment_month
    from deduplicated
),

month_groups as (
    -- one person, one aid type, one month: how many payments and from how many charities
    select
        civil_id,
        aid_type,
        payment_month,
        count(*) as payments_in_month,
        count(distinct coop_id) as charities_in_month
    from monthly
    group by civil_id, aid_type, payment_month
),

checked as (
    select
        monthly.*,
        -- a payment without a civil ID (staging's not-null test fails the build on one)
        -- is never matched to another
        coalesce(month_groups.payments_in_month, 1) as payments_in_month,
        coalesce(month_groups.charities_in_month, 1) as charities_in_month,
        case
            when monthly.civil_id is null then 1
            else
                row_number() over (
                    partition by monthly.civil_id, monthly.aid_type, monthly.payment_month
                    order by monthly.payment_date, monthly.coop_id, monthly.payment_id
                )
        end as month_payment_rank
    from monthly
    left join month_groups
        on monthly.civil_id = month_groups.civil_id
        and monthly.aid_type = month_groups.aid_type
        and monthly.payment_month = month_groups.payment_month
),

final as (
    select
        {{ surrogate_key(['coop_id', 'payment_id']) }} as aid_payment_key,
        payment_id,
        coop_id,
        case_id,
        civil_id,
        aid_type,
        payment_date,
        payment_month,
        cast(amount_kwd as decimal(18, 3)) as amount_kwd,
        cast(payments_in_month as integer) as payments_in_month,
        cast(charities_in_month as integer) as charities_in_month,
        cast(month_payment_rank as integer) as month_payment_rank,
        payments_in_month > 1 as is_duplicate,
        charities_in_month > 1 as is_paid_by_other_charity,
        batch_id,
        batch_received_at
    from checked
)

select * from final
