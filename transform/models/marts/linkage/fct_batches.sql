{#- The batch ledger for auditors: every file a co-op sent, landed or not, with what became
    of it. Sales and stock marts keep only a count or the newest batch per row, so this is
    where an auditor goes from a co-op's business day to the files behind it. A table: the
    ledger is small (one row per file) and Cube reads the published file, not the lake. -#}
with

batches as (
    select * from {{ ref('int_batches__current') }}
),

-- the batch that replaced each superseded one; should two name the same batch, the newest counts
superseding as (
    select batch_id as superseded_by_batch_id, supersedes_batch_id
    from (
        select
            batch_id,
            supersedes_batch_id,
            row_number() over (partition by supersedes_batch_id order by received_at desc, batch_id desc) as recency
        from batches
        where supersedes_batch_id is not null
    ) as ranked
    where recency = 1
),

final as (
    select
        batches.batch_id,
        batches.coop_id,
        batches.feed,
        batches.vendor,
        batches.file_name,
        batches.checksum_sha256,
        batches.business_date,
        batches.received_at,
        batches.rows_in,
        batches.rows_landed,
        batches.rows_quarantined,
        batches.status,
        -- what an auditor needs to know: a rejected file never counted; a landed one counts
        -- unless a later resend or correction replaced it whole
        case
            when batches.status = 'rejected' then 'rejected'
            when batches.is_superseded then 'superseded'
            else 'landed'
        end as batch_status,
        -- ingestion writes 'reason_code: detail'; the code alone is what a filter groups by
        nullif(split_part(batches.reject_reason, ':', 1), '') as reject_code,
        batches.reject_reason,
        batches.is_current,
        batches.supersedes_batch_id,
        superseding.superseded_by_batch_id
    from batches
    left join superseding
        on batches.batch_id = superseding.supersedes_batch_id
)

select * from final
