with

source as (
    select * from {{ ref('ref_calendar') }}
),

renamed as (
    select
        cast(date_day as date) as date_day,
        cast(day_of_week as integer) as day_of_week,
        cast(is_weekend as boolean) as is_weekend,
        cast(hijri_year as integer) as hijri_year,
        cast(hijri_month as integer) as hijri_month,
        cast(hijri_day as integer) as hijri_day,
        cast(is_ramadan as boolean) as is_ramadan,
        cast(is_eid as boolean) as is_eid,
        eid_name,
        cast(is_public_holiday as boolean) as is_public_holiday,
        holiday_name,
        cast(is_working_day as boolean) as is_working_day
    from source
),

final as (
    select * from renamed
)

select * from final
