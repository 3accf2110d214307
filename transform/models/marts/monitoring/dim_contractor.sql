{#- Service contractors across the co-ops. A contractor serves many co-ops, and each co-op's
    vendor spells its name in one language (B Arabic, A and C English), so the English and
    Arabic names come from the newest rating sent by a co-op of the matching vendor. -#}
with

ratings as (
    {{ current_batch_rows(ref('stg_feeds__contractors')) | indent(4) }}
),

coops as (
    select * from {{ ref('stg_reference__coops') }}
),

named as (
    select
        ratings.*,
        case when coops.vendor = 'B' then 'ar' else 'en' end as name_language
    from ratings
    left join coops
        on ratings.coop_id = coops.coop_id
),

newest as (
    select
        named.*,
        row_number() over (
            partition by contractor_id
            order by rating_period_end desc, batch_received_at desc, batch_id desc, source_row desc
        ) as recency,
        row_number() over (
            partition by contractor_id, name_language
            order by rating_period_end desc, batch_received_at desc, batch_id desc, source_row desc
        ) as name_recency
    from named
),

per_contractor as (
    select
        contractor_id,
        max(case when recency = 1 then category end) as category,
        max(case when name_recency = 1 and name_language = 'en' then contractor_name end) as contractor_name_en,
        max(case when name_recency = 1 and name_language = 'ar' then contractor_name end) as contractor_name_ar,
        count(distinct contract_id) as contracts,
        count(distinct coop_id) as coops_served,
        min(start_date) as first_contract_start,
        max(end_date) as last_contract_end,
        max(rating_period_end) as last_rating_period_end
    from newest
    group by contractor_id
),

final as (
    select
        contractor_id,
        contractor_name_en,
        contractor_name_ar,
        category,
        cast(contracts as integer) as contracts,
        cast(coops_served as integer) as coops_served,
        first_contract_start,
        last_contract_end,
        last_rating_period_end
    from per_contractor
)

select * from final
