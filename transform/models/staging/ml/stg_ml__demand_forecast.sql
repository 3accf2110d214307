with

source as (
    select * from {{ lake_relation('ml', 'forecasts') }}
),

renamed as (
    select {{ lake_columns('ml', 'forecasts') }}
    from source
),

final as (
    select * from renamed
)

select * from final
