package io.complaintflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mail sent again for the same key (a retry after a node died mid-send) carries the same Message-ID. */
class MessageIdTest {
    @Test
    void theMessageIdFollowsTheKeyAndNamesTheTicket() {
        String first = MultipartMailer.messageId("CF-2026-000042", "acknowledgement:42:0");
        assertThat(first).isEqualTo(MultipartMailer.messageId("CF-2026-000042", "acknowledgement:42:0"))
                .matches("<CF-2026-000042\\.[0-9a-f]{32}@complaintflow>");
        assertThat(MultipartMailer.messageId("CF-2026-000042", "resolutionNotice:42:0")).isNotEqualTo(first);
        assertThat(MultipartMailer.messageId("CF-2026-000042", "resolutionNotice:42:1")).as("after a reopen: a new mail")
                .isNotEqualTo(MultipartMailer.messageId("CF-2026-000042", "resolutionNotice:42:0"));

    }
}
