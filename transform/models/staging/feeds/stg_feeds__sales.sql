with

source as (
    select * from {{ lake_relation('feeds', 'sales') }}
),

renamed as (
    select
        cast(batch_id as {{ dbt.type_string() }}) as batch_id,
        cast(source_row as integer) as source_row,
        cast(coop_id as {{ dbt.type_string() }}) as coop_id,
        -- co-ops call every selling site a branch; the main market is one of them
        cast(branch_id as {{ dbt.type_string() }}) as site_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(business_date as date) as business_date,
        cast(sale_hour as timestamp) as sale_hour,
        cast(quantity as decimal(14, 3)) as quantity,
        cast(net_amount_kwd as decimal(18, 3)) as net_amount_kwd,
        cast(receipt_count as integer) as receipt_count,
        ingested_at
    from source
),

final as (
    select * from renamed
)

select * from final
