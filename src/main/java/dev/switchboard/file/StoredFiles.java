package dev.switchboard.file;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage port for file records and where they were shared. Every call is scoped to one tenant. */
public interface StoredFiles {
  void insert(StoredFile file);

  Optional<StoredFile> find(String tenantId, String fileId);

  /**
   * Those of the files the user may read: his own, public ones, and those shared into a
   * conversation he is a member of. One query, for pages of messages.
   */
  List<StoredFile> readableBy(String tenantId, String userId, Collection<String> fileIds);

  /** Removes the file's record and where it was shared; its blob stays (others may share it). */
  void delete(String tenantId, String fileId);

  /** Records that the file was shared into the conversation; sharing twice changes nothing. */
  void share(String tenantId, String fileId, String conversationId);

  /** The conversations the file was shared into. */
  List<String> sharedInto(String tenantId, String fileId);

  /** The ids of the files the user uploaded. */
  List<String> ownedBy(String tenantId, String ownerId);
}
