package io.complaintflow.reporting;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

@Path("plugin/" + KpiDashboardPlugin.ID)
public class KpiDashboardRootResource extends AbstractCockpitPluginRootResource {
    public KpiDashboardRootResource() {
        super(KpiDashboardPlugin.ID);
    }

    @Path("{engineName}/dashboard")
    public KpiDashboardResource dashboard(@PathParam("engineName") String engineName) {
        return subResource(new KpiDashboardResource(engineName), engineName);
    }
}
