{#- General-ledger lines from current batches, signed the way statements read them:
    amount_kwd is credit - debit for revenue, liability and equity accounts and
    debit - credit for asset and expense accounts. -#}
with

lines as (
    {{ current_batch_rows(ref('stg_feeds__finance')) | indent(4) }}
),

accounts as (
    select * from {{ ref('dim_gl_account') }}
),

final as (
    select
        {{ surrogate_key(['lines.batch_id', 'lines.source_row']) }} as gl_line_key,
        lines.coop_id,
        lines.entry_id,
        lines.entry_date,
        cast({{ dbt.date_trunc('month', 'lines.entry_date') }} as date) as entry_month,
        lines.account_code,
        accounts.account_type,
        accounts.statement_line,
        lines.cost_center,
        lines.debit_kwd,
        lines.credit_kwd,
        cast(case
            when accounts.account_type in ('revenue', 'liability', 'equity')
                then lines.credit_kwd - lines.debit_kwd
            else lines.debit_kwd - lines.credit_kwd
        end as decimal(18, 3)) as amount_kwd,
        lines.document_no,
        lines.counterparty,
        lines.description,
        lines.batch_id,
        lines.source_row,
        lines.batch_received_at
    from lines
    left join accounts
        on lines.account_code = accounts.account_code
)

select * from final
