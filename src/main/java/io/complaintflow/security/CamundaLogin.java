package io.complaintflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Our API's logins are Camunda's users: their passwords, their lock-out rules, their groups as authorities. */
@Component
public class CamundaLogin implements AuthenticationProvider {
    private final IdentityService identityService;

    /** Lazy: the web server builds the security filters before the process engine exists. */
    public CamundaLogin(@Lazy IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String user = login.getName();
        String password = login.getCredentials() == null ? null : login.getCredentials().toString();
        if (user == null || user.isBlank() || password == null || !identityService.checkPassword(user, password)) {
            throw new BadCredentialsException("Log in with your ComplaintFlow account");
        }
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(group -> new SimpleGrantedAuthority(group.getId())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
