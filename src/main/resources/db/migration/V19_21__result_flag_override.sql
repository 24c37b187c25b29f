-- Results that change next year's money (GX 第二十二条、第二十九条): the province may decide that a
-- flagged project's result does not cut its county's money for a budget year, with its reason.
create table fm_result_flag_override (
  budget_year  int           not null,
  project_code varchar(40)   not null references fm_project (code),
  reason       varchar(500)  not null,
  decided_by   varchar(64)   not null,
  decided_at   timestamp with time zone not null,
  primary key (budget_year, project_code)
);
