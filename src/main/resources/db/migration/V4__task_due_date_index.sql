-- Tasklist's queues are ordered by due date; Camunda's schema has no index for that.
-- (Runs after the engine has created its tables: see MigrationsAfterEngine.)
CREATE INDEX IF NOT EXISTS cf_task_due_date ON ACT_RU_TASK (DUE_DATE_);
