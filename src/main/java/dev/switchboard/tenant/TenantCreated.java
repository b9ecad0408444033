package dev.switchboard.tenant;

/** Published inside the creating transaction, so other modules can set up per-domain state. */
public record TenantCreated(Tenant tenant) {}
