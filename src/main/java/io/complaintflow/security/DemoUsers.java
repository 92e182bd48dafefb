package io.complaintflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo profile's users (password "demo"); the admin "demo" comes from camunda.bpm.admin-user. */
@Component
@Profile("demo")
@Order(2)
public class DemoUsers implements ApplicationRunner {
    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("agent1", "Li", "Na (L1)", Groups.L1),
            new DemoUser("agent2", "Wang", "Wei (L2)", Groups.L2),
            new DemoUser("agent3", "Zhang", "Min (L3)", Groups.L3),
            new DemoUser("supervisor", "Chen", "Jing (supervisor)", Groups.SUPERVISORS),
            new DemoUser("owner", "Liu", "Yang (process owner)", Groups.PROCESS_OWNERS),
            new DemoUser("product", "Zhao", "Lei (product owner)", Groups.PRODUCT_OWNERS),
            new DemoUser("manager", "Sun", "Hui (manager)", Groups.MANAGERS));

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@complaintflow.local");
                user.setPassword("demo");
                identity.saveUser(user);
                identity.createMembership(demo.id(), demo.group());
            }
        }
    }
}
