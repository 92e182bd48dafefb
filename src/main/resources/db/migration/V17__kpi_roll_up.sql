-- The KPI roll-up (reporting/KpiRollup): per day (office zone) and group of the six dimensions, what the report adds
-- up of the settled complaints received that day; the first-response and resolution times of each complaint kept
-- sorted and packed (reporting/Millis), so a p90 over any days stays exact. A complaint is rolled up once
-- (kpi_rolled_up_at); a report reads the roll-up and, from the complaints themselves, only those not rolled up.
CREATE TABLE kpi_day (
    received_on         DATE         NOT NULL,
    type                VARCHAR(20),
    priority            VARCHAR(20),
    tier                VARCHAR(20),
    channel             VARCHAR(30),
    category            VARCHAR(40),
    segment             VARCHAR(20),
    received            BIGINT       NOT NULL,
    response_counted    BIGINT       NOT NULL,
    response_on_time    BIGINT       NOT NULL,
    resolution_counted  BIGINT       NOT NULL,
    resolution_on_time  BIGINT       NOT NULL,
    first_contact       BIGINT       NOT NULL,
    reopened            BIGINT       NOT NULL,
    breaches            BIGINT       NOT NULL,
    escalations         BIGINT       NOT NULL,
    compensation        NUMERIC(14, 2) NOT NULL,
    survey_answers      BIGINT       NOT NULL,
    satisfaction_points BIGINT       NOT NULL,
    satisfied           BIGINT       NOT NULL,
    nps_answers         BIGINT       NOT NULL,
    promoters           BIGINT       NOT NULL,
    detractors          BIGINT       NOT NULL,
    response_millis     BYTEA        NOT NULL,
    resolution_millis   BYTEA        NOT NULL
);
CREATE INDEX kpi_day_received_on_idx ON kpi_day (received_on);

ALTER TABLE complaint ADD COLUMN kpi_rolled_up_at TIMESTAMP WITH TIME ZONE;
-- the complaints a report still reads one by one: those not rolled up, by day
CREATE INDEX complaint_kpi_live_idx ON complaint (kpi_rolled_up_at, received_at);
