with

source as (
    select * from {{ lake_relation('feeds', 'aid') }}
),

renamed as (
    select {{ lake_columns('feeds', 'aid') }}
    from source
),

final as (
    select * from renamed
)

select * from final
