package dev.switchboard.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.RunningJar;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Webhooks and event subscriptions" example, run verbatim against the jar started as
 * it says (loopback allowed for the demo): the receiver it builds verifies the signature of the
 * event the server posts.
 */
class ReadmeWebhooksIT {
  @TempDir Path workDir;

  @Test
  void theReadmeReceiverVerifiesTheSignedEvent() throws Exception {
    try (RunningJar server = RunningJar.start(workDir,
        Map.of("SWITCHBOARD_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true"))) {
      String output = ReadmeWalkthrough.run(workDir, server.baseUrl(), "webhooks");
      assertThat(output)
          .contains("\"secret\":\"whsec_…\"")
          .contains("verified ")
          .contains("\"type\":\"message.created\"")
          .contains("Hello, webhook!");
    }
  }
}
