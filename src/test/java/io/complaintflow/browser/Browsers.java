package io.complaintflow.browser;

import java.io.File;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the browser tests find Debian's chromium. On a machine without it they are skipped, loudly; where the
 * environment says they are required (CI: {@code COMPLAINTFLOW_BROWSER_TESTS=required}, set by .ci/run, which
 * installs chromium) a missing browser fails the build instead.
 */
final class Browsers {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String INSTALL = "apt-get install chromium chromium-driver";

    private Browsers() {
    }

    static void requireChromium() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (present) {
            return;
        }
        String missing = "Browser tests need Debian's chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER + "): " + INSTALL;
        if ("required".equals(System.getenv("COMPLAINTFLOW_BROWSER_TESTS"))) {
            Assertions.fail(missing + " (COMPLAINTFLOW_BROWSER_TESTS=required)");
        }
        System.err.println("\n*** SKIPPED: " + missing + " ***\n");
        Assumptions.abort(missing);
    }
}
