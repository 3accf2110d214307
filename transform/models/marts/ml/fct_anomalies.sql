{#- Auditor cases from the newest scoring run, with the keys an auditor drills on (co-op,
    site, product, days) and the value at stake in KWD to three decimals. -#}
with

anomalies as (
    select * from {{ ref('stg_ml__anomalies') }}
),

newest as (
    {{ newest_generation('anomalies') | indent(4) }}
),

final as (
    select
        anomaly_id,
        kind,
        rank as anomaly_rank,
        coop_id,
        governorate_id,
        site_id,
        product_id,
        start_date,
        end_date,
        cast({{ dbt.datediff('start_date', 'end_date', 'day') }} + 1 as integer) as days,
        score,
        cast(round(value_at_stake_kwd, 3) as decimal(18, 3)) as value_at_stake_kwd,
        observed,
        expected,
        detail,
        generated_at
    from newest
)

select * from final
