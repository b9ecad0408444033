/**
 * Who may act as whom: access tokens (JWT), refresh tokens, API keys, the admin key, device
 * sessions (a login on a device: Amity's sessions) and scope rules.
 */
@Owns({"api_keys", "access_revocations", "device_sessions", "key_session_policies",
    "refresh_tokens", "session_auth_tokens", "session_settings"})
package dev.switchboard.access;

import dev.switchboard.shared.Owns;
