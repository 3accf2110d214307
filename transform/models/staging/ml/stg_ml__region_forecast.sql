with

source as (
    select * from {{ lake_relation('ml', 'region_forecasts') }}
),

renamed as (
    select {{ lake_columns('ml', 'region_forecasts') }}
    from source
),

final as (
    select * from renamed
)

select * from final
