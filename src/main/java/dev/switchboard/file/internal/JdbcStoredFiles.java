package dev.switchboard.file.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.file.AccessType;
import dev.switchboard.file.FileKind;
import dev.switchboard.file.GpsPosition;
import dev.switchboard.file.StoredFile;
import dev.switchboard.file.StoredFiles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcStoredFiles implements StoredFiles {
  private final JdbcClient jdbc;
  private final ReadableFilesReadModel readable;

  public JdbcStoredFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.readable = new ReadableFilesReadModel(jdbc);
  }

  @Override
  public void insert(StoredFile f) {
    jdbc.sql(
            """
            INSERT INTO files (tenant_id, id, owner_id, name, mime_type, kind, size_bytes, sha256,
                               thumbnail_sha256, thumbnail_mime, width, height, duration_ms,
                               exif_json, gps, access_type, alt_text, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            f.tenantId(),
            f.id(),
            f.ownerId(),
            f.name(),
            f.mimeType(),
            f.kind().name(),
            f.size(),
            f.sha256(),
            f.thumbnailSha256(),
            f.thumbnailMimeType(),
            f.width(),
            f.height(),
            f.durationMs(),
            f.exifJson(),
            f.gps() == null ? null : f.gps().text(),
            f.accessType().name(),
            f.altText(),
            utc(f.createdAt()))
        .update();
  }

  @Override
  public Optional<StoredFile> find(String tenantId, String fileId) {
    return jdbc.sql("SELECT * FROM files WHERE tenant_id = ? AND id = ?")
        .params(tenantId, fileId)
        .query(JdbcStoredFiles::map)
        .optional();
  }

  @Override
  public List<StoredFile> readableBy(String tenantId, String userId, Collection<String> fileIds) {
    return readable.find(tenantId, userId, fileIds);
  }

  @Override
  public void delete(String tenantId, String fileId) {
    jdbc.sql("DELETE FROM file_shares WHERE tenant_id = ? AND file_id = ?")
        .params(tenantId, fileId)
        .update();
    jdbc.sql("DELETE FROM files WHERE tenant_id = ? AND id = ?").params(tenantId, fileId).update();
  }

  @Override
  public void share(String tenantId, String fileId, String conversationId) {
    // ON CONFLICT rather than catching a duplicate key: on PostgreSQL a failed statement would
    // abort the caller's whole transaction.
    jdbc.sql(
            """
            INSERT INTO file_shares (tenant_id, file_id, conversation_id) VALUES (?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(tenantId, fileId, conversationId)
        .update();
  }

  @Override
  public List<String> sharedInto(String tenantId, String fileId) {
    return jdbc.sql(
            """
            SELECT conversation_id FROM file_shares WHERE tenant_id = ? AND file_id = ?
            ORDER BY conversation_id""")
        .params(tenantId, fileId)
        .query(String.class)
        .list();
  }

  @Override
  public List<String> ownedBy(String tenantId, String ownerId) {
    return jdbc.sql("SELECT id FROM files WHERE tenant_id = ? AND owner_id = ? ORDER BY id")
        .params(tenantId, ownerId)
        .query(String.class)
        .list();
  }

  static StoredFile map(ResultSet rs, int row) throws SQLException {
    return new StoredFile(
        rs.getString("tenant_id"),
        rs.getString("id"),
        rs.getString("owner_id"),
        rs.getString("name"),
        rs.getString("mime_type"),
        FileKind.valueOf(rs.getString("kind")),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.getString("thumbnail_sha256"),
        rs.getString("thumbnail_mime"),
        rs.getObject("width", Integer.class),
        rs.getObject("height", Integer.class),
        rs.getObject("duration_ms", Long.class),
        rs.getString("exif_json"),
        GpsPosition.parse(rs.getString("gps")),
        AccessType.valueOf(rs.getString("access_type")),
        rs.getString("alt_text"),
        instant(rs, "created_at"));
  }
}
