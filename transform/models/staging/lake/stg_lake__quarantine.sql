with

source as (
    select * from {{ lake_relation('lake', 'quarantine') }}
),

renamed as (
    select
        cast(batch_id as {{ dbt.type_string() }}) as batch_id,
        cast(source_row as integer) as source_row,
        cast(raw_text as {{ dbt.type_string() }}) as raw_text,
        cast(reason_code as {{ dbt.type_string() }}) as reason_code,
        cast(reason_detail as {{ dbt.type_string() }}) as reason_detail,
        ingested_at
    from source
),

final as (
    select * from renamed
)

select * from final
