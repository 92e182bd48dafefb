package io.complaintflow.incident;

import io.complaintflow.web.ApiErrors;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff read incidents here: the latest ones, and one with its complaints, its fix and its review. Supervisors declare
 * and work incidents in Tasklist (process "mass-incident"), which is also the REST way to do so.
 */
@RestController
@RequestMapping("/api/incidents")
public class IncidentController {
    private final IncidentViews views;

    public IncidentController(IncidentViews views) {
        this.views = views;
    }

    @GetMapping
    public List<IncidentViews.Listed> latest() {
        return views.latest();
    }

    @GetMapping("/{number}")
    public IncidentViews.Detail one(@PathVariable String number) {
        return views.one(number).orElseThrow(() -> new ApiErrors.NotFound("There is no incident " + number));
    }
}
