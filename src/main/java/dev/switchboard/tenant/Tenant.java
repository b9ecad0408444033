package dev.switchboard.tenant;

import java.time.Instant;

/** A domain: the unit of isolation (NetSapiens "domain", Amity "network"). */
public record Tenant(String id, String name, String description, Instant createdAt) {
  public static final String DEFAULT_NAME = "default";
}
