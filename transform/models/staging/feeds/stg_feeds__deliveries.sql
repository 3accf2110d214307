with

source as (
    select * from {{ lake_relation('feeds', 'deliveries') }}
),

renamed as (
    select {{ lake_columns('feeds', 'deliveries') }}
    from source
),

final as (
    select * from renamed
)

select * from final
