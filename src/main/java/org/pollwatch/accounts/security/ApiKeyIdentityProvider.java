package org.pollwatch.accounts.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.pollwatch.common.access.Actor;
import org.pollwatch.common.access.Roles;

/** Turns a bearer key into an identity with role admin or pollster, carrying its {@link Actor}. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final KeyVerifier keys;

    public ApiKeyIdentityProvider(KeyVerifier keys) {
        this.keys = keys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Actor actor = keys.verify(request.getToken().getToken());
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(actor.label()))
                    .addRole(actor.admin() ? Roles.ADMIN : Roles.POLLSTER)
                    .addAttribute(Actor.ATTRIBUTE, actor)
                    .build();
        });
    }
}
