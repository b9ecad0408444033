package dev.switchboard.api.web;

import dev.switchboard.access.TokenService;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies the {@link Actor} parameter of controller methods from the access token in the
 * {@code Authorization} header. {@code Bearer <token>} is standard; a bare token is accepted too,
 * as Allmine's documentation tells clients to paste it without the prefix.
 */
public class BearerActorResolver implements HandlerMethodArgumentResolver {
  private static final String BEARER = "Bearer ";

  private final TokenService tokens;

  public BearerActorResolver(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw DomainException.unauthenticated("Authentication required");
    }
    return tokens.verify(tokenOf(header));
  }

  /** The token of an Authorization header, with or without the {@code Bearer } prefix. */
  public static String tokenOf(String header) {
    return header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? header.substring(BEARER.length()).trim()
        : header.trim();
  }
}
