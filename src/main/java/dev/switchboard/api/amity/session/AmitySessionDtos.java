package dev.switchboard.api.amity.session;

import dev.switchboard.api.amity.AmityUserView;
import java.util.List;

/** Request and response records of Amity's session and authentication endpoints. */
final class AmitySessionDtos {
  private AmitySessionDtos() {}

  record DeviceInfoRequest(String kind, String model, String sdkVersion) {}

  record SessionRequest(
      String userId,
      String deviceId,
      DeviceInfoRequest deviceInfo,
      String displayName,
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
