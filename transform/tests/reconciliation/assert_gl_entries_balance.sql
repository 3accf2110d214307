{#- Double entry: every journal entry's debits equal its credits. Any row is an entry
    that does not balance. -#}
{{ config(severity = 'error', tags = ['reconciliation']) }}

select coop_id, entry_id, sum(debit_kwd) as debit_kwd, sum(credit_kwd) as credit_kwd
from {{ ref('fct_gl_lines') }}
group by coop_id, entry_id
having sum(debit_kwd) <> sum(credit_kwd)
