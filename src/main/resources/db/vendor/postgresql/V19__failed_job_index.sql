-- The operations gauges count the jobs with no retries left every five seconds on every node (operations/EngineGauges).
-- Without an index that count read the whole job table, which holds every armed SLA timer (five per open complaint);
-- this one holds the failed jobs only, so it costs the engine's writes nothing until a job fails.
CREATE INDEX IF NOT EXISTS cf_job_failed ON ACT_RU_JOB (ID_) WHERE RETRIES_ = 0;
