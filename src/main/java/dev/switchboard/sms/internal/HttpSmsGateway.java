package dev.switchboard.sms.internal;

import dev.switchboard.sms.CarrierSubmission;
import dev.switchboard.sms.OutboundSms;
import dev.switchboard.sms.PermanentCarrierFailure;
import dev.switchboard.sms.SmsGateway;
import dev.switchboard.sms.TransientCarrierFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A carrier with a JSON-over-HTTP API: {@code POST url} with {@code {from, to, text, reference}}
 * answers {@code {id, segments?}}. 5xx, 429 and timeouts are transient; other 4xx permanent.
 */
public class HttpSmsGateway implements SmsGateway {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpCarrierSettings settings;
  private final HttpClient client;

  public HttpSmsGateway(HttpCarrierSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  @Override
  public CarrierSubmission submit(OutboundSms sms) {
    HttpResponse<String> response = post(body(sms));
    int status = response.statusCode();
    if (status >= 500 || status == 429) {
      throw new TransientCarrierFailure("Carrier answered HTTP " + status);
    }
    if (status >= 400) {
      throw new PermanentCarrierFailure("Carrier refused the SMS: HTTP " + status + " "
          + abbreviate(response.body()));
    }
    if (status < 200 || status >= 300) {
      throw new TransientCarrierFailure("Carrier answered unexpected HTTP " + status);
    }
    return submission(response.body(), sms);
  }

  private HttpResponse<String> post(String body) {
    HttpRequest request = HttpRequest.newBuilder(settings.url())
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + settings.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TransientCarrierFailure("Carrier unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientCarrierFailure("Interrupted while sending to the carrier", e);
    }
  }

  private static String body(OutboundSms sms) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("from", sms.from());
    body.put("to", sms.to());
    body.put("text", sms.text());
    body.put("reference", sms.reference());
    return JSON.writeValueAsString(body);
  }

  /**
   * The carrier took the SMS; without its id no receipt could ever match, and sending again
   * would duplicate it, so an answer without an id is a permanent failure.
   */
  private static CarrierSubmission submission(String answer, OutboundSms sms) {
    try {
      JsonNode json = JSON.readTree(answer);
      String id = json.path("id").asString("");
      if (id.isBlank()) {
        throw new PermanentCarrierFailure("Carrier accepted the SMS but sent no id: "
            + abbreviate(answer));
      }
      int segments = json.path("segments").asInt(SmsSegments.of(sms.text()).parts().size());
      return new CarrierSubmission(List.of(id), Math.max(1, segments));
    } catch (JacksonException e) {
      throw new PermanentCarrierFailure("Carrier answer is not JSON: " + abbreviate(answer), e);
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 200 ? String.valueOf(text) : text.substring(0, 200);
  }
}
