-- Camunda 7.24 creates no index on ACT_RU_TASK.PARENT_TASK_ID_, yet completing a task looks up its
-- subtasks by it: with tens of thousands of open tasks every completion scanned them all (22-88 ms
-- on PostgreSQL, issue 16). The engine's own tables are created by Flyway before this runs
-- (platform/cluster/EngineSchema), so the index can be added here.
create index if not exists fm_idx_task_parent on ACT_RU_TASK (PARENT_TASK_ID_);
