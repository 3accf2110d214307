with

calendar as (
    select * from {{ ref('stg_reference__calendar') }}
),

final as (
    select
        date_day,
        cast(extract(year from date_day) as integer) as year,
        cast(extract(month from date_day) as integer) as month,
        cast(extract(day from date_day) as integer) as day,
        day_of_week,
        is_weekend,
        hijri_year,
        hijri_month,
        hijri_day,
        is_ramadan,
        is_eid,
        eid_name,
        is_public_holiday,
        holiday_name,
        is_working_day
    from calendar
)

select * from final
