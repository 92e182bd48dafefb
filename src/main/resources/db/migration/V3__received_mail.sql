-- The feedback mailbox: every mail taken from the inbox, so the same Message-ID is handled once.
CREATE TABLE received_mail (
    message_key   VARCHAR(80)  PRIMARY KEY,
    complaint_id  BIGINT,
    outcome       VARCHAR(30)  NOT NULL,
    reason        VARCHAR(200),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
