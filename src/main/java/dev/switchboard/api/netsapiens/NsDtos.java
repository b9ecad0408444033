package dev.switchboard.api.netsapiens;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** Request and response records of the NetSapiens dialect, in its kebab-case wire names. */
final class NsDtos {
  private NsDtos() {}

  /** The answer to every accepted write. */
  static final NetSapiensErrors.ErrorResponse ACCEPTED =
      new NetSapiensErrors.ErrorResponse(202, "Accepted");

  /** AccessToken of ns-api v2 (snake_case there, as in OAuth). */
  record AccessToken(
      String username,
      String user,
      String territory,
      String domain,
      String site,
      String group,
      String department,
      String uid,
      String login,
      String scope,
      @JsonProperty("user_email") String userEmail,
      String displayName,
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("expires_in") long expiresIn,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("refresh_token") String refreshToken,
      @JsonProperty("client_id") String clientId,
      String apiversion) {}

  record JwtPair(String token, String refresh) {}

  record JwtClaims(
      String aud,
      long exp,
      long iat,
      String iss,
      String jti,
      String sub,
      @JsonProperty("time_out") long timeOut,
      String domain,
      String territory,
      String user,
      @JsonProperty("user_email") String userEmail,
      @JsonProperty("user_scope") String userScope,
      String displayName,
      String apiversion) {}

  record NewApiKeyRequest(
      String description,
      String reseller,
      String domain,
      String user,
      @JsonProperty("user-scope") String userScope,
      @JsonProperty("ip-address") String ipAddress,
      String readonly,
      @JsonProperty("can-create-keys") String canCreateKeys,
      @JsonProperty("allowed-models") JsonNode allowedModels) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ApiKeyView(
      @JsonProperty("key-id") String keyId,
      String key,
      String description,
      String reseller,
      String domain,
      String user,
      @JsonProperty("user-scope") String userScope,
      String readonly,
      @JsonProperty("can-create-keys") String canCreateKeys,
      @JsonProperty("created-datetime") String createdDatetime,
      @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("lastused-datetime")
          String lastUsedDatetime) {}

  /** PUT /apikeys/{key-id}: only the description may change (ip-address is refused). */
  record ApiKeyUpdate(
      String description,
      @JsonProperty("ip-address") String ipAddress,
      @JsonProperty("allowed-models") JsonNode allowedModels) {}

  record NewUserRequest(
      String user,
      @JsonProperty("name-first-name") String firstName,
      @JsonProperty("name-last-name") String lastName,
      @JsonProperty("user-scope") String userScope,
      String password,
      String email) {}

  /** The User object; {@code email} is absent (never null) while the user has none. */
  record UserView(
      String user,
      String domain,
      @JsonProperty("name-first-name") String firstName,
      @JsonProperty("name-last-name") String lastName,
      @JsonInclude(JsonInclude.Include.NON_NULL) String email,
      @JsonProperty("user-scope") String userScope,
      @JsonProperty("created-datetime") String createdDatetime) {}

  /** PublicUserInfo: the domain's directory, readable by every user of the domain. */
  record PublicUserView(
      String user,
      String domain,
      String site,
      @JsonProperty("name-first-name") String firstName,
      @JsonProperty("name-last-name") String lastName,
      String department,
      @JsonProperty("directory-name-number-dtmf-mapping") int dtmf) {}

  /** MessageSend: every send variant. {@code destination} is a string or an array. */
  record MessageSend(
      @Schema(example = "chat", description = "chat, group-chat, sms or mms") String type,
      @Schema(example = "Hello Bob!") String message,
      @Schema(oneOf = {String.class, String[].class}, example = "bob",
          description = "A user or number, or an array of them") JsonNode destination,
      @JsonProperty("from-number") String fromNumber,
      String data,
      @JsonProperty("mime-type") String mimeType,
      Long size) {}

  record SessionUpdate(
      String participants, @JsonProperty("session-name") String sessionName) {}

  record SmsNumberRequest(String number, String application, String dest, String carrier) {}

  record SmsNumberView(
      String number,
      String application,
      String domain,
      String carrier,
      String dest,
      @JsonProperty("mms-capable") boolean mmsCapable,
      @JsonProperty("group-mms-capable") boolean groupMmsCapable) {}

  record Count(long total) {}
}
