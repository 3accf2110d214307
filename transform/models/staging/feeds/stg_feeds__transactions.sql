with

source as (
    select * from {{ lake_relation('feeds', 'transactions') }}
),

renamed as (
    select {{ lake_columns('feeds', 'transactions') }}
    from source
),

final as (
    select * from renamed
)

select * from final
