with

source as (
    select * from {{ lake_relation('feeds', 'stocktake') }}
),

renamed as (
    select {{ lake_columns('feeds', 'stocktake') }}
    from source
),

final as (
    select * from renamed
)

select * from final
