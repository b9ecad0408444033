/**
 * Domains (tenants): NetSapiens' "domain", Amity's "network"; Allmine clients live in "default".
 * Every other table carries a domain's id, and every query filters by it.
 */
@Owns({"tenants"})
package dev.switchboard.tenant;

import dev.switchboard.shared.Owns;
