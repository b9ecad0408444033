package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose parameters are valid text ({@link ValidText}). Form bodies are parsed here,
 * strictly, from the request's own (size-limited) stream, so they obey the same size limit as
 * JSON, chunked or not, and the container's lenient parser never sees them; query strings are
 * decoded as strictly; multipart fields, parsed by the container, are checked as they are read.
 * Parsing waits until a parameter is first asked for, which is after authentication.
 */
final class TextCheckedRequest extends HttpServletRequestWrapper {
  private Map<String, String[]> parameters;
  private byte[] formBody;

  TextCheckedRequest(HttpServletRequest request) {
    super(request);
  }

  /** The query's parameters, strictly decoded; a refusal names what was wrong. */
  static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> parsed = new LinkedHashMap<>();
    addPairs(query, "a query parameter", parsed);
    return parsed;
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters();
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters().keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] values = parameters().get(name);
    return values == null ? null : values.clone();
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (formBody == null) {
      return super.getInputStream();
    }
    ByteArrayInputStream in = new ByteArrayInputStream(formBody);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the form body was already read");
      }
    };
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (formBody == null) {
      return super.getReader();
    }
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  private Map<String, String[]> parameters() {
    if (parameters == null) {
      parameters = isForm() ? formParameters() : checkedContainerParameters();
    }
    return parameters;
  }

  private boolean isForm() {
    String type = getContentType();
    return type != null
        && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
        && !"GET".equals(getMethod());
  }

  private Map<String, String[]> formParameters() {
    Map<String, List<String>> parsed = new LinkedHashMap<>();
    String query = getQueryString();
    if (query != null) {
      addPairs(query, "a query parameter", parsed);
    }
    try {
      formBody = super.getInputStream().readAllBytes();
    } catch (PayloadTooLarge e) {
      throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large");
    } catch (IOException e) {
      throw DomainException.invalid("the form body could not be read");
    }
    addPairs(ValidText.utf8(formBody, "the form body"), "a form field", parsed);
    return toArrays(parsed);
  }

  private Map<String, String[]> checkedContainerParameters() {
    Map<String, String[]> container = super.getParameterMap();
    for (Map.Entry<String, String[]> entry : container.entrySet()) {
      ValidText.check(entry.getKey(), "a parameter name");
      for (String value : entry.getValue()) {
        ValidText.check(value, entry.getKey());
      }
    }
    return container;
  }

  private static void addPairs(String encoded, String where, Map<String, List<String>> into) {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = ValidText.decode(eq < 0 ? pair : pair.substring(0, eq), true, where);
      String value = eq < 0 ? "" : ValidText.decode(pair.substring(eq + 1), true, name);
      into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }

  private static Map<String, String[]> toArrays(Map<String, List<String>> lists) {
    Map<String, String[]> arrays = new LinkedHashMap<>();
    lists.forEach((name, values) -> arrays.put(name, values.toArray(String[]::new)));
    return Collections.unmodifiableMap(arrays);
  }
}
