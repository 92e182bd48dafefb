-- Completing a task looks for its sub-tasks (SELECT ... FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = ?). Camunda's
-- schema has no index for it, so every completion read the whole task table: 0.9 ms at a few thousand open
-- tasks, growing with the queue (bench/README.md).
CREATE INDEX IF NOT EXISTS cf_task_parent ON ACT_RU_TASK (PARENT_TASK_ID_);
