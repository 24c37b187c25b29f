-- Overall and annual performance targets (GX 第二十五条: 所有专项资金支持的项目都要编制整体绩效目标和
-- 年度绩效目标，并按要求开展年度、中期和实施期后绩效评价; 第二十六条: 自治区下达项目任务时，同步下达
-- 项目年度绩效目标和总体绩效目标). fm_project_indicator keeps the overall targets entered at
-- warehousing; this table holds the year's targets the province issues with the year's task. A
-- year without its own rows is measured against the overall targets, so existing data keeps working.
create table fm_project_annual_indicator (
  project_code varchar(40)    not null references fm_project (code),
  budget_year  int            not null,
  position     int            not null,
  level1       varchar(20)    not null,
  level2       varchar(30)    not null,
  name         varchar(100)   not null,
  comparator   varchar(12)    not null,
  target_value numeric(20, 4),
  target_date  date,
  target_text  varchar(100)   not null,
  unit         varchar(20),
  issued_by    varchar(64)    not null,
  issued_at    timestamp with time zone not null,
  primary key (project_code, budget_year, position)
);

-- which of the evaluations GX 第二十五条 names this one is: ANNUAL (年度), MIDTERM (中期) or FINAL
-- (实施期后); rows from before are annual
alter table fm_self_evaluation add column evaluation_kind varchar(10) not null default 'ANNUAL';
