package io.complaintflow.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import io.complaintflow.engine.CodeMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * V13: the tokens in mails sent before tokens were hashed keep working. Each complaint's plain token
 * ({@code complaint.access_token}) becomes a hashed row in {@code portal_token}, valid for the configured time from
 * now; V14 then drops the plain column.
 */
@Component
public class PortalTokenHashing extends CodeMigration {
    private final Duration validity;

    public PortalTokenHashing(@Value("${complaintflow.portal.token-validity:P90D}") Duration validity) {
        super("13", "hash portal tokens");
        this.validity = validity;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (var select = connection.createStatement();
             ResultSet plain = select.executeQuery("SELECT id, access_token FROM complaint WHERE access_token IS NOT NULL");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO portal_token (complaint_id, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?)")) {
            while (plain.next()) {
                insert.setLong(1, plain.getLong(1));
                insert.setString(2, PortalTokens.hash(plain.getString(2)));
                insert.setObject(3, now);
                insert.setObject(4, now.plus(validity));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
