package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeyService;
import dev.switchboard.access.TokenService;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The NetSapiens credential check: {@code Authorization: Bearer} with an access token, a JWT
 * (the same signed token) or an API key. A read-only key may only GET.
 */
public class NsCallerResolver implements HandlerMethodArgumentResolver {
  private static final String BEARER = "Bearer ";

  private final TokenService tokens;
  private final ApiKeyService keys;
  private final TenantService tenants;

  public NsCallerResolver(TokenService tokens, ApiKeyService keys, TenantService tenants) {
    this.tokens = tokens;
    this.keys = keys;
    this.tenants = tenants;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == NsCaller.class;
  }

  @Override
  public NsCaller resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
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
    String method = request.getNativeRequest(jakarta.servlet.http.HttpServletRequest.class).getMethod();
    if (key.readonly() && !"GET".equals(method)) {
      throw DomainException.forbidden("This API key is read-only: only GET requests are allowed");
    }
    Tenant tenant =
        tenants.findById(key.tenantId())
            .orElseThrow(() -> DomainException.unauthenticated("Invalid API key"));
    Actor actor =
        new Actor(tenant.id(), tenant.name(), key.userId() == null ? "" : key.userId(), key.scope());
    return new NsCaller(actor, key, secret);
  }
}
