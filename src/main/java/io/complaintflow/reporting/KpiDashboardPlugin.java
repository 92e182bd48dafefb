package io.complaintflow.reporting;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' KPI dashboard in Cockpit, through the webapps' plugin mechanism (registered in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin): its API under
 * /camunda/api/cockpit/plugin/complaintflow-kpis/… and its page, plugin-webapp/complaintflow-kpis/app/plugin.js.
 */
public class KpiDashboardPlugin extends AbstractCockpitPlugin {
    public static final String ID = "complaintflow-kpis";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(KpiDashboardRootResource.class);
    }
}
