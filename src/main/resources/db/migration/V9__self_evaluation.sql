-- Annual project self-evaluation (绩效自评, GX 第二十八条; 资阳 事后绩效评价): per funded project and
-- year, the score computed from the filed data with the weights in force, the grade, the unit's
-- report, the city's review, and whether a poor result reduces next year's money (GX 第二十九条).
create table fm_self_evaluation (
  business_key        varchar(60)    not null primary key,
  project_code        varchar(40)    not null references fm_project (code),
  evaluation_year     int            not null,
  status              varchar(20)    not null,
  due_on              date           not null,
  score               numeric(5, 1),
  grade               varchar(12),
  score_details       text,
  self_report         varchar(4000),
  emergency           boolean        not null default false,
  flagged             boolean        not null default false,
  flag_reason         varchar(500),
  submitted_by        varchar(64),
  submitted_at        timestamp with time zone,
  reviewed_by         varchar(64),
  reviewed_at         timestamp with time zone,
  review_comment      varchar(2000),
  process_instance_id varchar(64),
  opened_at           timestamp with time zone not null,
  unique (project_code, evaluation_year)
);
create index fm_self_evaluation_year on fm_self_evaluation (evaluation_year);
