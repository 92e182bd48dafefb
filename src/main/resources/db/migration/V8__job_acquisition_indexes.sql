-- The job executor looks for due jobs, oldest first, every second or two, and dozens of times a second when
-- thousands are due at once. Camunda's schema has no index for that look, so each one read the whole job table,
-- which holds every armed SLA timer: 4.8 ms at 6,000 jobs and growing with the open complaints, 9 ms a look while
-- 2,000 breaches were due (bench/README.md).
-- With every job given a due date (ensureJobDueDateNotNull) the look is a range scan of this index that stops at
-- the batch size ...
CREATE INDEX IF NOT EXISTS cf_job_due ON ACT_RU_JOB (DUEDATE_);
-- ... and its check that no other job of the same instance is running reads only the locked jobs: 0.25 ms a look.
CREATE INDEX IF NOT EXISTS cf_job_lock ON ACT_RU_JOB (LOCK_EXP_TIME_);
-- jobs created before that setting have no due date and would never be picked up
UPDATE ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP) WHERE DUEDATE_ IS NULL;
