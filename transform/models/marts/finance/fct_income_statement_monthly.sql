{#- The controllers' monthly income statement per co-op, from the general ledger. -#}
with

lines as (
    select * from {{ ref('fct_gl_lines') }}
),

by_line as (
    select
        coop_id,
        entry_month,
        {%- for line in ['net_sales', 'cost_of_sales', 'salaries', 'contractor_services', 'shrinkage', 'social_aid'] %}
        sum(case when statement_line = '{{ line }}' then amount_kwd else 0 end) as {{ line }}_kwd,
        {%- endfor %}
        sum(case when account_code = '4120' then -amount_kwd else 0 end) as sales_returns_kwd
    from lines
    group by coop_id, entry_month
),

final as (
    select
        {{ surrogate_key(['coop_id', 'entry_month']) }} as income_statement_key,
        coop_id,
        entry_month,
        cast(net_sales_kwd as decimal(18, 3)) as net_sales_kwd,
        cast(sales_returns_kwd as decimal(18, 3)) as sales_returns_kwd,
        cast(cost_of_sales_kwd as decimal(18, 3)) as cost_of_sales_kwd,
        cast(net_sales_kwd - cost_of_sales_kwd as decimal(18, 3)) as gross_profit_kwd,
        cast(salaries_kwd as decimal(18, 3)) as salaries_kwd,
        cast(contractor_services_kwd as decimal(18, 3)) as contractor_services_kwd,
        cast(shrinkage_kwd as decimal(18, 3)) as shrinkage_kwd,
        cast(social_aid_kwd as decimal(18, 3)) as social_aid_kwd,
        cast(
            net_sales_kwd - cost_of_sales_kwd - salaries_kwd - contractor_services_kwd - shrinkage_kwd - social_aid_kwd
            as decimal(18, 3)
        ) as operating_result_kwd
    from by_line
)

select * from final
