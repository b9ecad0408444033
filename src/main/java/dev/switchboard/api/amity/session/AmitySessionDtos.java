package dev.switchboard.api.amity.session;

import dev.switchboard.api.amity.AmityUserView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request and response records of Amity's session and authentication endpoints. */
final class AmitySessionDtos {
  private AmitySessionDtos() {}

  record DeviceInfoRequest(String kind, String model, String sdkVersion) {}

  record SessionRequest(
      @Schema(example = "alice") String userId,
      @Schema(example = "alice-phone") String deviceId,
      DeviceInfoRequest deviceInfo,
      @Schema(example = "Alice") String displayName,
      @Schema(description = "Required in secure mode: from POST /api/v4/authentication/token")
          String authToken) {}

  record SessionResponse(
      String accessToken,
      String refreshToken,
      String issuedAt,
      String expiresAt,
      List<AmityUserView> users,
      List<Object> files) {}

  record SessionCheck(String lastCachePurge) {}


  record AuthTokenRequest(String userId) {}
}
