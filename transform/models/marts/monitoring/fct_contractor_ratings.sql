{#- Contractor performance: each contract's rating per period (1 poor .. 5 excellent); a
    corrected batch replaces the rating it supersedes. -#}
with

ratings as (
    {{ current_batch_rows(ref('stg_feeds__contractors')) | indent(4) }}
),

ranked as (
    select
        ratings.*,
        row_number() over (
            partition by contract_id, rating_period_end
            order by batch_received_at desc, batch_id desc, source_row desc
        ) as arrival_rank
    from ratings
),

final as (
    select
        {{ surrogate_key(['contract_id', 'rating_period_end']) }} as contract_rating_key,
        contract_id,
        coop_id,
        contractor_id,
        contractor_name,
        category,
        start_date,
        end_date,
        value_kwd,
        rating_period_end,
        rating,
        rating <= 2 as is_poor,
        batch_id
    from ranked
    where arrival_rank = 1
)

select * from final
