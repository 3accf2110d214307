{#- The Kuwait calendar. Hijri dates, Eid and public holidays come from the seed the
    calendar generator writes (Umm al-Qura via Intl); the rules that are definitions
    rather than facts are derived here so they cannot drift: the weekend is Friday and
    Saturday, Ramadan is Hijri month 9. working_day_number counts working days from the
    start of the calendar, so the working days between two dates are a subtraction. -#}
with

calendar as (
    select * from {{ ref('stg_reference__calendar') }}
),

derived as (
    select
        date_day,
        cast(extract(year from date_day) as integer) as year,
        cast(extract(month from date_day) as integer) as month,
        cast(extract(day from date_day) as integer) as day,
        day_of_week,
        day_of_week in (5, 6) as is_weekend,
        hijri_year,
        hijri_month,
        hijri_day,
        hijri_month = 9 as is_ramadan,
        case when hijri_month = 9 then hijri_day end as ramadan_day,
        is_eid,
        eid_name,
        is_public_holiday,
        holiday_name,
        is_working_day
    from calendar
),

final as (
    select
        *,
        cast(sum(case when is_working_day then 1 else 0 end) over (
            order by date_day
            rows between unbounded preceding and current row
        ) as integer) as working_day_number
    from derived
)

select * from final
