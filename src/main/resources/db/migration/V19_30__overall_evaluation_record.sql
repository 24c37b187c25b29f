-- The province's overall evaluation of the year's special funds (专项资金总体绩效评价, GX 第二十八条:
-- 自治区自然资源厅负责专项资金总体绩效评价工作并将评价结果报自治区财政厅，自治区财政厅视情况选择部分
-- 专项资金项目开展绩效再评价): one row per province and year with the summary of the projects'
-- self-evaluations, the department's conclusion and who wrote it, and the 财政厅's receipt with its
-- choice of re-evaluation. Kept here, not only in the engine's history, so it outlives the
-- history time to live and is read through /api.
create table fm_overall_evaluation (
  business_key           varchar(60)   not null primary key,
  province_code          char(6)       not null references fm_division (code),
  evaluation_year        int           not null,
  status                 varchar(20)   not null,
  summary                text          not null,
  conclusion             varchar(4000),
  written_by             varchar(64),
  written_at             timestamp with time zone,
  re_evaluation          varchar(20),
  re_evaluation_projects text,
  fiscal_comment         varchar(4000),
  received_by            varchar(64),
  received_at            timestamp with time zone,
  process_instance_id    varchar(64)   not null,
  started_by             varchar(64)   not null,
  started_at             timestamp with time zone not null,
  unique (province_code, evaluation_year)
);
