package dev.switchboard.sms.internal;

import dev.switchboard.sms.CarrierConnection;
import dev.switchboard.sms.CarrierOutcomeUnknown;
import dev.switchboard.sms.CarrierSubmission;
import dev.switchboard.sms.OutboundSms;
import dev.switchboard.sms.PermanentCarrierFailure;
import dev.switchboard.sms.SmsGateway;
import dev.switchboard.sms.SmsMetrics;
import dev.switchboard.sms.TransientCarrierFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A carrier with a JSON-over-HTTP API: {@code POST url} with {@code {from, to, text, reference}}
 * answers {@code {id, segments?}}. 5xx, 429 and failures to connect are transient (the carrier
 * did not take the SMS); other 4xx permanent; a request sent without an answer (timeout,
 * connection cut) is of unknown outcome, never resent. Its health is what its last call showed:
 * no probe is sent to a carrier that bills or rate-limits calls.
 */
public class HttpSmsGateway implements SmsGateway {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);

  private final HttpCarrierSettings settings;
  private final HttpClient client;
  private final Clock clock;
  private volatile CarrierConnection connection;

  public HttpSmsGateway(HttpCarrierSettings settings, Clock clock, SmsMetrics metrics) {
    this.settings = settings;
    this.clock = clock;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.connection = new CarrierConnection("http", "http", true, "NO_CALL_YET", clock.instant());
    metrics.connection(connection, () -> connection);
  }

  @Override
  public int maxInFlight() {
    return settings.maxInFlight();
  }

  /** Always: whether the carrier answers is learnt by calling it. */
  @Override
  public boolean available() {
    return true;
  }

  @Override
  public List<CarrierConnection> connections() {
    return List.of(connection);
  }

  @Override
  public CarrierSubmission submit(OutboundSms sms) {
    HttpResponse<String> response = post(body(sms));
      int status = response.statusCode();
      observed(status < 500, "HTTP " + status);
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
    } catch (ConnectException | HttpConnectTimeoutException e) {
      observed(false, "UNREACHABLE");
      throw new TransientCarrierFailure("Carrier unreachable: " + e, e);
    } catch (IOException e) {
      // The request may have reached the carrier before the answer was lost.
      observed(false, "NO_ANSWER");
      throw new CarrierOutcomeUnknown("Carrier did not answer: " + e, List.of(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CarrierOutcomeUnknown("Interrupted while waiting for the carrier", List.of(), e);
    }
  }

  /** Records what a call showed; logs a WARN only when that changes whether the carrier is up. */
  private void observed(boolean up, String state) {
    CarrierConnection before = connection;
    connection = new CarrierConnection("http", "http", up,
        state, before.up() == up ? before.since() : clock.instant());
    if (before.up() != up) {
      if (up) {
        log.warn("HTTP carrier {} answers again ({})", settings.url(), state);
      } else {
        log.warn("HTTP carrier {} is failing ({}); SMS stay queued and are retried", settings.url(),
            state);
      }
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
