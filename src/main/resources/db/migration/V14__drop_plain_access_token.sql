-- The plain tokens were hashed into portal_token by V13 (security/PortalTokenHashing); none is kept in clear.
ALTER TABLE complaint DROP COLUMN access_token;
