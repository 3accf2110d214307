{#- The co-ops' shared chart of accounts (docs/contracts.md, finance feed) and where each
    account lands in the monthly income statement (null = balance sheet). -#}
with

accounts as (
    select * from (
        values
        ('1110', 'Cash and bank', 'النقد والبنوك', 'asset', cast(null as varchar)),
        ('1210', 'Inventory', 'المخزون', 'asset', null),
        ('2110', 'Suppliers payable', 'الموردون', 'liability', null),
        ('3110', 'Shareholder dividends', 'أرباح المساهمين', 'equity', null),
        ('4110', 'Sales revenue', 'إيرادات المبيعات', 'revenue', 'net_sales'),
        ('4120', 'Sales returns', 'مردودات المبيعات', 'revenue', 'net_sales'),
        ('5110', 'Cost of goods sold', 'تكلفة البضاعة المباعة', 'expense', 'cost_of_sales'),
        ('5210', 'Salaries', 'الرواتب', 'expense', 'salaries'),
        ('5220', 'Contractor services', 'خدمات المقاولين', 'expense', 'contractor_services'),
        ('5240', 'Inventory shrinkage', 'عجز المخزون', 'expense', 'shrinkage'),
        ('5310', 'Social aid', 'المساعدات الاجتماعية', 'expense', 'social_aid')
    ) as chart (account_code, account_name_en, account_name_ar, account_type, statement_line)  -- noqa: AL05
),

final as (
    select * from accounts
)

select * from final
