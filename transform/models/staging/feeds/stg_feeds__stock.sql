with

source as (
    select * from {{ lake_relation('feeds', 'stock') }}
),

renamed as (
    select
        cast(batch_id as {{ dbt.type_string() }}) as batch_id,
        cast(source_row as integer) as source_row,
        cast(coop_id as {{ dbt.type_string() }}) as coop_id,
        cast(site_id as {{ dbt.type_string() }}) as site_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(stock_date as date) as stock_date,
        cast(closing_qty as decimal(14, 3)) as closing_qty,
        ingested_at
    from source
),

final as (
    select * from renamed
)

select * from final
