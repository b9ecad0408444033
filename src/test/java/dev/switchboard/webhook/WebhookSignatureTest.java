package dev.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signatures as Standard Webhooks defines them, checked against the specification's example. */
class WebhookSignatureTest {
  @Test
  void signaturesFollowStandardWebhooks() {
    // The example of the Standard Webhooks specification.
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    long timestamp = 1614265330;
    String body = "{\"test\": 2432232314}";
    String header = WebhookSignature.sign(secret, id, timestamp, body);
    assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    assertThat(WebhookSignature.verify(secret, id, timestamp, body, "v1,bogus " + header)).isTrue();
    assertThat(WebhookSignature.verify(secret, id, timestamp + 1, body, header)).isFalse();
    assertThat(WebhookSignature.newSecret()).startsWith("whsec_").hasSize(38);
  }
}
