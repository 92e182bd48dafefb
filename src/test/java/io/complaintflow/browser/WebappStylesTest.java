package io.complaintflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.ComplaintFlowTestBase;
import io.complaintflow.TestHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every webapp serves our user-styles.css in place of Camunda's empty one (no end-of-life banner), and its Chinese texts. */
class WebappStylesTest extends ComplaintFlowTestBase {
    @LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theCommunityEditionBannerIsHidden(String app) {
        HttpResponse<String> styles = new TestHttp(port).get("/camunda/app/" + app + "/styles/user-styles.css", null);
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.body().replaceAll("/\\*[\\s\\S]*?\\*/", "")).containsIgnoringWhitespaces(
                ".ce-eol-banner { display: none !important; }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theChineseTextsAreServed(String app) {
        HttpResponse<String> texts = new TestHttp(port).get("/camunda/app/" + app + "/locales/zh.json", null);
        assertThat(texts.statusCode()).isEqualTo(200);
        assertThat(texts.body()).contains("\"labels\"");
    }
}
