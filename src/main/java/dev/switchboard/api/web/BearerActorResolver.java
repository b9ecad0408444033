package dev.switchboard.api.web;

import dev.switchboard.access.TokenService;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * Supplies the {@link Actor} parameter of controller methods from the access token in the
 * {@code Authorization} header. {@code Bearer <token>} is standard; a bare token is accepted too,
 * as Allmine's documentation tells clients to paste it without the prefix.
 */
public class BearerActorResolver extends CredentialResolver<Actor> {
  private static final String BEARER = "Bearer ";

  private final TokenService tokens;

  public BearerActorResolver(TokenService tokens) {
    super(Actor.class);
    this.tokens = tokens;
  }

  @Override
  protected Actor authenticate(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw DomainException.unauthenticated("Authentication required");
    }
    return tokens.verify(tokenOf(header));
  }

  @Override
  protected String rateSubject(Actor actor) {
    return userSubject(actor);
  }

  /** The per-user rate-limit subject of an actor: the same in every dialect. */
  public static String userSubject(Actor actor) {
    return "user:" + actor.tenantId() + ":" + actor.userId();
  }

  /** The token of an Authorization header, with or without the {@code Bearer } prefix. */
  public static String tokenOf(String header) {
    return header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? header.substring(BEARER.length()).trim()
        : header.trim();
  }
}
