with

source as (
    select * from {{ lake_relation('ml', 'hourly_forecasts') }}
),

renamed as (
    select {{ lake_columns('ml', 'hourly_forecasts') }}
    from source
),

final as (
    select * from renamed
)

select * from final
