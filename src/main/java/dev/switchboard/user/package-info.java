/** Users of a domain: their ids, display names, password hashes and scopes. */
@Owns({"users"})
package dev.switchboard.user;

import dev.switchboard.shared.Owns;
