{#- Every row ingestion refused, as the co-op sent it (raw_text), with the first rule it
    broke and the file it came in. raw_text can carry personal data (an aid payment's civil
    ID), so the semantic layer gives this mart to auditors only. Rows whose batch the ledger
    does not hold are left out: the ledger row is what names the co-op, feed and file. -#}
with

quarantine as (
    select * from {{ ref('stg_lake__quarantine') }}
),

batches as (
    select * from {{ ref('int_batches__current') }}
),

final as (
    select
        {{ surrogate_key(['quarantine.batch_id', 'quarantine.source_row']) }} as quarantined_row_key,
        quarantine.batch_id,
        quarantine.source_row,
        batches.coop_id,
        batches.feed,
        batches.business_date,
        batches.file_name,
        quarantine.reason_code,
        quarantine.reason_detail,
        quarantine.raw_text,
        quarantine.ingested_at
    from quarantine
    inner join batches
        on quarantine.batch_id = batches.batch_id
)

select * from final
