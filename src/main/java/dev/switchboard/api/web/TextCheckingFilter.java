package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge of every dialect for text: refuses, in the dialect's envelope, a path segment or
 * query value that is not valid percent-encoded UTF-8, holds U+0000, or hides {@code /} or
 * {@code \} in a segment; refuses a wildcard or malformed {@code Content-Type} (415). Parameters
 * (query, form bodies, multipart fields) are checked when first read, through {@link
 * TextCheckedRequest}; JSON bodies by {@link JsonBodyCheck}. Both run after authentication, so
 * no body is read for an unauthenticated caller.
 */
public class TextCheckingFilter extends OncePerRequestFilter {
  private final ErrorResponses errors;

  public TextCheckingFilter(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      checkPath(request.getRequestURI());
      String query = request.getQueryString();
      if (query != null) {
        TextCheckedRequest.parseQuery(query);
      }
    } catch (DomainException refused) {
      errors.write(request, response, refused);
      return;
    }
    if (!concreteContentType(request.getContentType())) {
      errors.write(
          errors.renderStatus(
              request.getRequestURI(),
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "Content-Type must name one media type, such as application/json"),
          response);
      return;
    }
    chain.doFilter(new TextCheckedRequest(request), response);
  }

  private static void checkPath(String rawPath) {
    for (String segment : rawPath.split("/", -1)) {
      String decoded = ValidText.decode(segment, false, "the path");
      if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
        throw DomainException.invalid("a path segment must not contain an encoded / or \\");
      }
    }
  }

  private static boolean concreteContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
