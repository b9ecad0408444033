package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ApiKey;
import dev.switchboard.shared.Actor;

/**
 * Who is calling the NetSapiens API: the actor, the API key when one was presented (null for
 * access tokens and JWTs), and the bearer secret itself (GET /jwt reads its claims).
 */
record NsCaller(Actor actor, ApiKey key, String bearer) {}
