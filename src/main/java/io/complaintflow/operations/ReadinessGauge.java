package io.complaintflow.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/** {@code complaintflow_ready}: 1 while this node's readiness group (database, engine, job executor) is up. */
@Component
public class ReadinessGauge {
    public ReadinessGauge(MeterRegistry registry, HealthEndpoint health) {
        Gauge.builder("complaintflow.ready", health, ReadinessGauge::ready)
                .description("1 while the node is ready (database, process engine, job executor), else 0")
                .register(registry);
    }

    private static double ready(HealthEndpoint health) {
        HealthComponent readiness = health.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
