with

source as (
    select * from {{ lake_relation('lake', 'ledger') }}
),

renamed as (
    select
        cast(batch_id as {{ dbt.type_string() }}) as batch_id,
        cast(coop_id as {{ dbt.type_string() }}) as coop_id,
        cast(feed as {{ dbt.type_string() }}) as feed,
        cast(vendor as {{ dbt.type_string() }}) as vendor,
        cast(file_name as {{ dbt.type_string() }}) as file_name,
        cast(checksum_sha256 as {{ dbt.type_string() }}) as checksum_sha256,
        cast(business_date as date) as business_date,
        received_at,
        cast(rows_in as bigint) as rows_in,
        cast(rows_landed as bigint) as rows_landed,
        cast(rows_quarantined as bigint) as rows_quarantined,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(supersedes_batch_id as {{ dbt.type_string() }}) as supersedes_batch_id,
        {%- if lake_has_column('lake', 'ledger', 'reject_reason') %}
        cast(reject_reason as {{ dbt.type_string() }}) as reject_reason
        {%- else %}
        -- a lake whose ledger files all predate reject_reason
        cast(null as {{ dbt.type_string() }}) as reject_reason
        {%- endif %}
    from source
),

final as (
    select * from renamed
)

select * from final
