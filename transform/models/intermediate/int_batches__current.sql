{#- Which batches count. A batch counts when it landed and no later batch names it in
    supersedes_batch_id (a resend or a correction replaces it whole). A table, not a view:
    the ledger is one small file per batch, and every fact, incremental scope and
    reconciliation test reads this, so the files are opened once per build. -#}
{{ config(materialized = 'table') }}
with

ledger as (
    select * from {{ ref('stg_lake__ledger') }}
),

superseded as (
    select distinct supersedes_batch_id as batch_id
    from ledger
    where supersedes_batch_id is not null
),

flagged as (
    select
        ledger.*,
        superseded.batch_id is not null as is_superseded
    from ledger
    left join superseded
        on ledger.batch_id = superseded.batch_id
),

final as (
    select
        *,
        status = 'landed' and not is_superseded as is_current
    from flagged
)

select * from final
