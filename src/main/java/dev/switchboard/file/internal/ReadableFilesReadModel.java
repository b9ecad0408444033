package dev.switchboard.file.internal;

import dev.switchboard.file.StoredFile;
import dev.switchboard.shared.ReadModel;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which of some files a user may read, in one query: his own, public ones, and those shared
 * into a conversation he is a member of (the conversation module's memberships).
 */
@ReadModel(reads = {"conversation_members"})
final class ReadableFilesReadModel {
  private final JdbcClient jdbc;

  ReadableFilesReadModel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<StoredFile> find(String tenantId, String userId, Collection<String> fileIds) {
    if (fileIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT f.* FROM files f
             WHERE f.tenant_id = :tenant AND f.id IN (:ids)
               AND (f.owner_id = :user OR f.access_type = 'PUBLIC'
                    OR EXISTS (SELECT 1 FROM file_shares s
                                 JOIN conversation_members m
                                   ON m.tenant_id = s.tenant_id
                                  AND m.conversation_id = s.conversation_id
                                  AND m.user_id = :user
                                WHERE s.tenant_id = f.tenant_id AND s.file_id = f.id))""")
        .param("tenant", tenantId)
        .param("ids", fileIds)
        .param("user", userId)
        .query(JdbcStoredFiles::map)
        .list();
  }
}
