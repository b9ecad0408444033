package dev.switchboard.access.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.access.DeviceSession;
import dev.switchboard.access.DeviceSessions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcDeviceSessions implements DeviceSessions {
  private final JdbcClient jdbc;

  public JdbcDeviceSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(DeviceSession s) {
    jdbc.sql(
            """
            INSERT INTO device_sessions (tenant_id, id, user_id, device_id, device_kind,
                                         device_model, sdk_version, issued_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            s.tenantId(),
            s.id(),
            s.userId(),
            s.deviceId(),
            s.device().kind(),
            s.device().model(),
            s.device().sdkVersion(),
            utc(s.issuedAt()),
            utc(s.expiresAt()))
        .update();
  }

  @Override
  public List<String> revokeDevice(String tenantId, String userId, String deviceId, Instant now) {
    List<String> live =
        jdbc.sql(
                """
                SELECT id FROM device_sessions WHERE tenant_id = ? AND user_id = ?
                  AND device_id = ? AND revoked_at IS NULL FOR UPDATE""")
            .params(tenantId, userId, deviceId)
            .query(String.class)
            .list();
    live.forEach(id -> revoke(tenantId, id, now));
    return live;
  }

  @Override
  public boolean revoke(String tenantId, String sessionId, Instant now) {
    return jdbc.sql(
                """
                UPDATE device_sessions SET revoked_at = ?
                WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL""")
            .params(utc(now), tenantId, sessionId)
            .update()
        == 1;
  }

  @Override
  public int revokeTenant(String tenantId, Instant now) {
    return jdbc.sql(
            "UPDATE device_sessions SET revoked_at = ? WHERE tenant_id = ? AND revoked_at IS NULL")
        .params(utc(now), tenantId)
        .update();
  }

  @Override
  public List<String> revokeUser(String tenantId, String userId, Instant now) {
    List<String> live =
        jdbc.sql(
                """
                SELECT id FROM device_sessions WHERE tenant_id = ? AND user_id = ?
                  AND revoked_at IS NULL FOR UPDATE""")
            .params(tenantId, userId)
            .query(String.class)
            .list();
    live.forEach(id -> revoke(tenantId, id, now));
    return live;
  }

  @Override
  public Optional<DeviceSession> findLive(String tenantId, String sessionId, Instant now) {
    return jdbc.sql(
            """
            SELECT tenant_id, id, user_id, device_id, device_kind, device_model, sdk_version,
                   issued_at, expires_at
            FROM device_sessions
            WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL AND expires_at > ?""")
        .params(tenantId, sessionId, utc(now))
        .query(
            (rs, n) ->
                new DeviceSession(
                    rs.getString("tenant_id"),
                    rs.getString("id"),
                    rs.getString("user_id"),
                    rs.getString("device_id"),
                    new DeviceSession.DeviceInfo(
                        rs.getString("device_kind"),
                        rs.getString("device_model"),
                        rs.getString("sdk_version")),
                    instant(rs, "issued_at"),
                    instant(rs, "expires_at")))
        .optional();
  }
}
