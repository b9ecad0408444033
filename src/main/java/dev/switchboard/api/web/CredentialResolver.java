package dev.switchboard.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies a controller parameter of type {@code T} from the request's credential. {@link
 * EarlyAuthentication} calls it before the handler runs, so the credential is checked (and the
 * caller's rate limit applied) before any request body is read; the result is kept on the
 * request and handed to the parameter later without a second check.
 */
public abstract class CredentialResolver<T> implements HandlerMethodArgumentResolver {
  private final Class<T> type;
  private final String attribute;

  protected CredentialResolver(Class<T> type) {
    this.type = type;
    this.attribute = CredentialResolver.class.getName() + "." + type.getName();
  }

  /** Checks the request's credential; throws UNAUTHENTICATED (or FORBIDDEN) when it fails. */
  protected abstract T authenticate(HttpServletRequest request);

  /** Whom the credential's requests count against in the per-user rate limits. */
  protected abstract String rateSubject(T credential);

  @Override
  public final boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == type;
  }

  @Override
  public final T resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    return resolve(request.getNativeRequest(HttpServletRequest.class));
  }

  /** The credential of the request, checked once per request. */
  public final T resolve(HttpServletRequest request) {
    Object known = request.getAttribute(attribute);
    if (type.isInstance(known)) {
      return type.cast(known);
    }
    T credential = authenticate(request);
    request.setAttribute(attribute, credential);
    return credential;
  }

  /** Checks the credential now; the caller's rate-limit subject. */
  public final String authenticateEarly(HttpServletRequest request) {
    return rateSubject(resolve(request));
  }
}
