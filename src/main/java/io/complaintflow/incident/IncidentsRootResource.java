package io.complaintflow.incident;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

@Path("plugin/" + IncidentsCockpitPlugin.ID)
public class IncidentsRootResource extends AbstractCockpitPluginRootResource {
    public IncidentsRootResource() {
        super(IncidentsCockpitPlugin.ID);
    }

    @Path("{engineName}/incidents")
    public IncidentsResource incidents(@PathParam("engineName") String engineName) {
        return subResource(new IncidentsResource(engineName), engineName);
    }
}
