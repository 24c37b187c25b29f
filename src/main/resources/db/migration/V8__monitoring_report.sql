-- The monitoring report of a unit for a monitoring point (整体支出绩效监控报告, MNR 第十四条; the
-- Qiemo report is the model): what the unit entered — budget and execution of basic and project
-- spending, its indicators with actual values, deviations and their causes, the extra (追加)
-- money — kept as one JSON document per unit, year and monitoring date; rates and counts are
-- computed from it whenever the report is generated, never stored.
create table fm_monitoring_report (
  unit_code       char(6)      not null references fm_division (code),
  budget_year     int          not null,
  monitoring_date date         not null,
  content         text         not null,
  saved_by        varchar(64)  not null,
  saved_at        timestamp with time zone not null,
  primary key (unit_code, budget_year, monitoring_date)
);
