-- A confirmed misappropriation (挪用套取) is referred for accountability (移交问责, GX 第三十三条、
-- 第三十四条): to whom, by whom, when. One referral per problem.
create table fm_problem_referral (
  problem_no   varchar(30)   not null primary key references fm_problem (problem_no),
  referred_to  varchar(500)  not null,
  basis        varchar(200)  not null,
  referred_by  varchar(64)   not null,
  referred_at  timestamp with time zone not null
);
