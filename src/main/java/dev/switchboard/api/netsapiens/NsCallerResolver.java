package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeyService;
import dev.switchboard.access.TokenService;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.api.web.BearerActorResolver;
import dev.switchboard.api.web.CredentialResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * The NetSapiens credential check: {@code Authorization: Bearer} with an access token, a JWT
 * (the same signed token) or an API key. A read-only key may only GET.
 */
public class NsCallerResolver extends CredentialResolver<NsCaller> {
  private static final String BEARER = "Bearer ";

  private final TokenService tokens;
  private final ApiKeyService keys;
  private final TenantService tenants;

  public NsCallerResolver(TokenService tokens, ApiKeyService keys, TenantService tenants) {
    super(NsCaller.class);
    this.tokens = tokens;
    this.keys = keys;
    this.tenants = tenants;
  }

  @Override
  protected NsCaller authenticate(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw DomainException.unauthenticated("Authentication Required");
    }
    String secret = header.substring(BEARER.length()).trim();
    if (!ApiKeyService.looksLikeKey(secret)) {
      return new NsCaller(tokens.verify(secret), null, secret);
    }
    ApiKey key =
        keys.authenticate(secret)
            .orElseThrow(() -> DomainException.unauthenticated("Invalid API key"));
    if (key.readonly() && !"GET".equals(request.getMethod())) {
      throw DomainException.forbidden("This API key is read-only: only GET requests are allowed");
    }
    Tenant tenant =
        tenants.findById(key.tenantId())
            .orElseThrow(() -> DomainException.unauthenticated("Invalid API key"));
    Actor actor =
        new Actor(tenant.id(), tenant.name(), key.userId() == null ? "" : key.userId(), key.scope());
    return new NsCaller(actor, key, secret);
  }

  /** A key without a user counts as itself; everything else as the user it acts as. */
  @Override
  protected String rateSubject(NsCaller caller) {
    return caller.key() != null && caller.key().userId() == null
        ? "key:" + caller.key().keyId()
        : BearerActorResolver.userSubject(caller.actor());
  }
}
