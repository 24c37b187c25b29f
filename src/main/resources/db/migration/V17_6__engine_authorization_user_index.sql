-- Every authorization check inside a query (the task list above all) reads the grants of the user
-- and of its groups: USER_ID_ in (…) or GROUP_ID_ in (…). Camunda 7.24 indexes GROUP_ID_ but has
-- no index that starts with USER_ID_, so PostgreSQL could not combine the two and scanned the
-- whole table, which holds one grant per open task and candidate group: with 100,000 open tasks a
-- county user's task list took 160-230 ms, 2.5 times its time at 1,000 (issue 16,
-- NationalBenchmark). With this index the plan is a BitmapOr of the two indexes and the query
-- takes 1-2 ms (the plan is in the README, 全国规模).
create index if not exists fm_idx_auth_user on ACT_RU_AUTHORIZATION (USER_ID_);
