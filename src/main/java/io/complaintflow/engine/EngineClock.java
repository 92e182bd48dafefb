package io.complaintflow.engine;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, so that tests move time for our tables and the engine's timers alike. */
public final class EngineClock {
    private EngineClock() {
    }

    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    }
}
