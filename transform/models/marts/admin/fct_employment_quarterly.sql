{#- The national employment ratio as the ministry counts it: Kuwaiti employees among
    the employees in non-supervisory jobs (supervisory posts are excluded from both the
    numerator and the denominator). Headcounts with supervisors are kept beside it. -#}
with

staff as (
    {{ current_batch_rows(ref('stg_feeds__hr')) | indent(4) }}
),

ranked as (
    -- a corrected snapshot replaces its batch; two current batches naming one employee
    -- on the same snapshot day: the later arrival wins
    select
        staff.*,
        row_number() over (
            partition by coop_id, employee_id, snapshot_date
            order by batch_received_at desc, batch_id desc, source_row desc
        ) as arrival_rank
    from staff
),

counted as (
    select
        coop_id,
        snapshot_date,
        count(*) as employees,
        sum(case when nationality = 'KW' then 1 else 0 end) as kuwaiti_employees,
        sum(case when is_supervisory then 1 else 0 end) as supervisory_employees,
        sum(case when not is_supervisory then 1 else 0 end) as counted_employees,
        sum(case when not is_supervisory and nationality = 'KW' then 1 else 0 end) as counted_kuwaiti_employees,
        sum(monthly_salary_kwd) as monthly_payroll_kwd
    from ranked
    where arrival_rank = 1
    group by coop_id, snapshot_date
),

final as (
    select
        {{ surrogate_key(['coop_id', 'snapshot_date']) }} as employment_key,
        coop_id,
        snapshot_date,
        cast(employees as integer) as employees,
        cast(kuwaiti_employees as integer) as kuwaiti_employees,
        cast(supervisory_employees as integer) as supervisory_employees,
        cast(counted_employees as integer) as counted_employees,
        cast(counted_kuwaiti_employees as integer) as counted_kuwaiti_employees,
        case
            when counted_employees > 0
                then round(cast(counted_kuwaiti_employees as double) / counted_employees, 4)
        end as kuwaiti_ratio,
        cast(monthly_payroll_kwd as decimal(18, 3)) as monthly_payroll_kwd
    from counted
)

select * from final
