-- China's working-day calendar (节假日顺延): per year, the State Council notice's days off (放假)
-- and make-up working days (调休上班). Seeded from src/main/resources/calendar/<year>.json at
-- start-up; an administrator loads a new year through the API without a code change.
create table fm_calendar_year (
  calendar_year int           not null primary key,
  source        varchar(200)  not null,
  loaded_by     varchar(64)   not null,
  loaded_at     timestamp with time zone not null
);

create table fm_calendar_day (
  calendar_day  date         not null primary key,
  calendar_year int          not null references fm_calendar_year (calendar_year),
  kind          varchar(4)   not null check (kind in ('OFF', 'WORK')),
  name          varchar(40)  not null
);
