-- The fingerprint of the complaint first sent with an Idempotency-Key: the same key with another complaint is
-- refused (422) instead of answered with the first complaint's receipt. Rows from before have none and replay.
ALTER TABLE intake_request ADD COLUMN request_hash VARCHAR(64);
