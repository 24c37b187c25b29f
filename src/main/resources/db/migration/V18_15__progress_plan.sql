-- The project's implementation plan by monitoring point (资阳 三(三): 项目支出以项目实施进度或资金分配
-- 进度为参照): the planned budget execution (累计支付 ÷ 到位资金) and physical progress each point
-- should have reached, entered with the plan. The execution warning measures a filing against it.
create table fm_progress_plan (
  project_code       varchar(40)  not null references fm_project (code),
  point_on           date         not null,
  planned_execution  numeric(5, 2) not null check (planned_execution between 0 and 100),
  planned_physical   numeric(5, 2) not null check (planned_physical between 0 and 100),
  primary key (project_code, point_on)
);

-- which reference the warning used (PLAN, ALLOCATION or TIME), what people read about it (level,
-- reasons with their ratios, the reference) and the county's answer to a red one
alter table fm_quarterly_filing add column warning_reference varchar(20);
alter table fm_quarterly_filing add column warning_details varchar(4000);
alter table fm_quarterly_filing add column warning_response varchar(2100);
