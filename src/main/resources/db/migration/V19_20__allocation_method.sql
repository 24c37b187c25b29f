-- GX 第十四条: each allocation records the method it was split by, 项目法 (PROJECT) or 因素法
-- (FACTOR). Money registered before this column existed was issued to projects: 项目法.
alter table fm_allocation add column allocation_method varchar(10) not null default 'PROJECT';
-- GX 第二十五条 (end): the factor-method target filing is due 30 days after 资金下达, counted from
-- the day the system recorded the issue, not from a date a user types.
alter table fm_allocation add column issue_recorded_on date;
