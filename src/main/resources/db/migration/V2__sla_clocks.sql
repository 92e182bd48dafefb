-- SLA clocks: which table version set the deadlines, warning points, breaches, the paused resolution clock,
-- and the log that makes every notification go out once.

ALTER TABLE complaint ADD COLUMN sla_decision_id VARCHAR(64);
ALTER TABLE complaint ADD COLUMN sla_calendar VARCHAR(20);
ALTER TABLE complaint ADD COLUMN escalation_chain VARCHAR(100);
ALTER TABLE complaint ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaint ADD COLUMN first_response_warn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN response_hand_over_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN resolution_warn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN first_response_breached_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN resolution_breached_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN resolution_paused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN resolution_remaining_seconds BIGINT;
ALTER TABLE complaint ADD COLUMN resolution_warn_remaining_seconds BIGINT;

CREATE TABLE sent_message (
    message_key   VARCHAR(200) PRIMARY KEY,
    complaint_id  BIGINT       NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
