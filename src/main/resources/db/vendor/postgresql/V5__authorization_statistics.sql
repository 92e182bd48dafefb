-- Tasklist's queue query joins each task to its authorizations with "PERMS_ & n = n" filters whose
-- selectivity PostgreSQL cannot estimate, so it compared every task with every authorization (733 ms at
-- 2,000 open tasks). With statistics on those expressions, and random_page_cost for SSDs
-- (application-postgres.yaml), it looks the authorizations up by index instead (bench/README.md).
CREATE STATISTICS IF NOT EXISTS cf_authorization_permissions ON (perms_ & 2), (perms_ & 64), resource_type_
    FROM act_ru_authorization;
ANALYZE act_ru_authorization;
