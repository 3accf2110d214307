with

source as (
    select * from {{ lake_relation('feeds', 'finance') }}
),

renamed as (
    select {{ lake_columns('feeds', 'finance') }}
    from source
),

final as (
    select * from renamed
)

select * from final
