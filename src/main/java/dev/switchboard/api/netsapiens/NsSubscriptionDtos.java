package dev.switchboard.api.netsapiens;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Event subscriptions of ns-api v2, in NetSapiens' kebab-case names and field order. */
final class NsSubscriptionDtos {
  private NsSubscriptionDtos() {}

  /** Create and update bodies; on update every field is optional. */
  record SubscriptionRequest(
      String model,
      @JsonProperty("post-url") String postUrl,
      @JsonProperty("subscription-geo-support") String geoSupport,
      String reseller,
      String domain,
      String user,
      @JsonProperty("subscription-expires-datetime") String expires,
      @JsonProperty("preferred-server") String preferredServer,
      String status) {}

  /** The optional body of {@code DELETE /subscriptions/{id}}. */
  record SubscriptionDeletion(
      @JsonProperty("subscription_id") String subscriptionId, String domain) {}

  /**
   * A subscription as NetSapiens shows it; {@code signing-secret} (ours: the key of the
   * webhook-signature header) appears in the answer to its creation only.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "model", "post-url", "subscription-geo-support", "user-scope",
      "reseller", "domain", "user", "subscription-creation-datetime",
      "subscription-expires-datetime", "preferred-server", "current-active-server", "status",
      "error-count", "posts-count", "signing-secret"})
  record SubscriptionView(
      String id,
      String model,
      @JsonProperty("post-url") String postUrl,
      @JsonProperty("subscription-geo-support") String geoSupport,
      @JsonProperty("user-scope") String userScope,
      String reseller,
      String domain,
      String user,
      @JsonProperty("subscription-creation-datetime") String created,
      @JsonProperty("subscription-expires-datetime") String expires,
      @JsonProperty("preferred-server") String preferredServer,
      @JsonProperty("current-active-server") String currentActiveServer,
      String status,
      @JsonProperty("error-count") long errorCount,
      @JsonProperty("posts-count") long postsCount,
      @JsonProperty("signing-secret") String signingSecret) {}
}
