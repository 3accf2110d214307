with

source as (
    select * from {{ lake_relation('ml', 'anomalies') }}
),

renamed as (
    select {{ lake_columns('ml', 'anomalies') }}
    from source
),

final as (
    select * from renamed
)

select * from final
