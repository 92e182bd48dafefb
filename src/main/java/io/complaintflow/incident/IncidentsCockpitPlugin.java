package io.complaintflow.incident;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Mass incidents on Cockpit's start page, for managers to read each incident's fix and review (registered in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin): its API under
 * /camunda/api/cockpit/plugin/complaintflow-incidents/… and its page, plugin-webapp/complaintflow-incidents/app/plugin.js.
 */
public class IncidentsCockpitPlugin extends AbstractCockpitPlugin {
    public static final String ID = "complaintflow-incidents";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(IncidentsRootResource.class);
    }
}
