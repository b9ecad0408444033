package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Every JSON body, in every dialect, before it is bound: property names and string values must
 * be valid text ({@link ValidText}: no lone surrogate, no U+0000), and an object must not name a
 * property twice (which one would win is a guess; the request is refused instead). Runs while
 * the handler's arguments are resolved, after authentication. Malformed JSON is left to the
 * converter, which refuses it as before.
 */
@ControllerAdvice
public class JsonBodyCheck extends RequestBodyAdviceAdapter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    MediaType type = input.getHeaders().getContentType();
    if (type == null || !isJson(type)) {
      return input;
    }
    byte[] body;
    try (InputStream in = input.getBody()) {
      body = in.readAllBytes();
    } catch (PayloadTooLarge e) {
      throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large");
    }
    scan(body);
    HttpHeaders headers = input.getHeaders();
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
  }

  private static boolean isJson(MediaType type) {
    return "json".equalsIgnoreCase(type.getSubtype())
        || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json");
  }

  /** Refuses invalid text and repeated property names; ignores what is not JSON at all. */
  static void scan(byte[] body) {
    Deque<Set<String>> objects = new ArrayDeque<>();
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT -> objects.push(new HashSet<>());
          case END_OBJECT -> objects.pop();
          case PROPERTY_NAME -> {
            String name = parser.currentName();
            ValidText.check(name, "a property name");
            if (!objects.peek().add(name)) {
              throw DomainException.invalid("the property " + shortened(name) + " appears twice");
            }
          }
          case VALUE_STRING -> ValidText.check(parser.getString(), where(parser));
          default -> {}
        }
      }
    } catch (JacksonException notJson) {
      // Malformed: the converter answers it with its usual 400.
    }
  }

  private static String where(JsonParser parser) {
    String name = parser.currentName();
    return name == null ? "a string" : shortened(name);
  }

  private static String shortened(String name) {
    return name.length() > 64 ? name.substring(0, 64) + "…" : name;
  }
}
