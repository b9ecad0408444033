package dev.switchboard.sms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.tenant.TenantService;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The running server: carrier callbacks over HTTP in the native error envelope, and the outbox
 * refusing SMS because this server has no carrier configured.
 */
class SmsCarrierCallbackIT extends ApiTestBase {
  @Autowired SmsOutbox outbox;
  @Autowired SmsOutboxEntries entries;
  @Autowired TenantService tenants;
  @Autowired PlatformTransactionManager transactions;

  private io.restassured.specification.RequestSpecification carrier(String secret) {
    return given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON);
  }

  @Test
  void withoutACarrierNewSmsAreRefusedNotDropped() {
    String tenantId = tenants.create(Fixtures.unique("sms"), null).id();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> tx.execute(status ->
            outbox.enqueue(tenantId, null, "+15550000001", "+15550000002", "hello")))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
          assertThat(e.getMessage()).isEqualTo("No SMS carrier is configured");
        });
  }

  @Test
  void statusCallbacksNeedTheSecretAndSettleTheSms() {
    String tenantId = tenants.create(Fixtures.unique("sms"), null).id();
    String id = "0123456789abcdef01234567";
    String carrierId = Fixtures.unique("carrier");
    // Millisecond precision: the database rounds to microseconds, possibly up, past "now".
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      entries.insert(SmsOutboxEntry.queued(tenantId, id, null, "+15550000001", "+15550000002",
          "hi", now));
      entries.claim(tenantId, id, "token-0123456789abcdef01", now, now.plusSeconds(60));
      entries.markSent(tenantId, id, "token-0123456789abcdef01", List.of(carrierId), 1, now);
    });
    String delivered = Json.of("id", carrierId, "status", "delivered");

    carrier("wrong").body(delivered).post("/carrier/v1/sms/status")
        .then().statusCode(401).body("error", equalTo("unauthenticated"));
    given().contentType(ContentType.JSON).body(delivered).post("/carrier/v1/sms/status")
        .then().statusCode(401);
    carrier(CARRIER_SECRET).body(Json.of("id", carrierId, "status", "lost"))
        .post("/carrier/v1/sms/status")
        .then().statusCode(400).body("error", equalTo("invalid_argument"));
    // A status for an id no SMS has (yet) is kept, not refused: the carrier may be faster
    // than our own record of the submit.
    carrier(CARRIER_SECRET).body(Json.of("id", Fixtures.unique("early"), "status", "delivered"))
        .post("/carrier/v1/sms/status")
        .then().statusCode(202);
    assertThat(outbox.get(tenantId, id).status()).isEqualTo(SmsStatus.SENT);

    carrier(CARRIER_SECRET).body(delivered).post("/carrier/v1/sms/status").then().statusCode(204);
    assertThat(outbox.get(tenantId, id).status()).isEqualTo(SmsStatus.DELIVERED);
    carrier(CARRIER_SECRET).body(delivered).post("/carrier/v1/sms/status").then().statusCode(204);
  }

  @Test
  void inboundCallbacksAreAcknowledgedEvenForUnknownNumbers() {
    carrier(CARRIER_SECRET)
        .body(Json.of("from", "+15559990000", "to", "+15550000404", "text", "hello"))
        .post("/carrier/v1/sms/inbound")
        .then().statusCode(204);
    carrier(CARRIER_SECRET).body(Json.of("from", "+15559990000"))
        .post("/carrier/v1/sms/inbound")
        .then().statusCode(400);
  }
}
