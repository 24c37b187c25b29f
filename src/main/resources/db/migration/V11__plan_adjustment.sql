-- Adjusted implementation plans (实施方案调整, GX 第二十一条): money issued is not adjusted; when
-- conditions change materially the plan may be adjusted through the original approval path
-- without lowering the performance targets. Each request keeps the indicators before and after.
create table fm_plan_adjustment (
  adjustment_no       varchar(30)    not null primary key,
  project_code        varchar(40)    not null references fm_project (code),
  status              varchar(20)    not null,
  reason              varchar(2000)  not null,
  indicators_before   text           not null,
  indicators_after    text,
  requested_by        varchar(64)    not null,
  requested_at        timestamp with time zone not null,
  decided_by          varchar(64),
  decided_at          timestamp with time zone,
  decision_comment    varchar(2000),
  process_instance_id varchar(64)
);
create index fm_plan_adjustment_project on fm_plan_adjustment (project_code);
