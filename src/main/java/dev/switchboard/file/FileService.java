package dev.switchboard.file;

import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.file.internal.HashingSpool;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads, shares and reads files, and decides who may read them: the owner; anyone in the same
 * domain when the file is public; members of a conversation it was shared into when it is
 * private. A file of another domain does not exist, whatever its id.
 */
@Service
public class FileService {
  static final int MAX_ALT_TEXT = 1000;
  static final int MAX_FILES_PER_UPLOAD = 10;

  private final StoredFiles files;
  private final FileStore store;
  private final MediaInspector inspector;
  private final Conversations conversations;
  private final ConversationAccess conversationAccess;
  private final FileSettings settings;
  private final FilePolicies policies;
  private final Ids ids;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;

  public FileService(StoredFiles files, FileStore store, MediaInspector inspector,
      Conversations conversations, ConversationAccess conversationAccess, FileSettings settings,
      FilePolicies policies, Ids ids, Clock clock, PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events) {
    this.files = files;
    this.store = store;
    this.inspector = inspector;
    this.conversations = conversations;
    this.conversationAccess = conversationAccess;
    this.settings = settings;
    this.policies = policies;
    this.ids = ids;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactionManager);
    this.events = events;
  }

  /**
   * Spools the upload (refused as soon as it passes the size limit), inspects it, stores its blob
   * and thumbnail, then records it in one transaction. Blobs are written before the row, so a row
   * never points at a missing blob; a failure leaves no row and no temporary file.
   *
   * @param accessType null means private
   * @throws DomainException PAYLOAD_TOO_LARGE, or INVALID_ARGUMENT for a refused type
   */
  public StoredFile upload(Actor actor, InputStream content, String declaredName,
      String declaredMimeType, AccessType accessType, String altText) {
    return upload(actor, new Upload(content, declaredName, declaredMimeType), accessType, altText,
        null);
  }

  /**
   * Uploads several files at once: all are recorded, or none (a refused one rolls the others
   * back). {@code requiredKind}, when given, refuses files of any other kind before storing.
   */
  @Transactional
  public List<StoredFile> uploadAll(Actor actor, List<Upload> uploads, AccessType accessType,
      String altText, FileKind requiredKind) {
    if (uploads.isEmpty()) {
      throw refused(RefusedUpload.invalid(UploadRefusal.INVALID_REQUEST,
          "at least one file is required"));
    }
    if (uploads.size() > MAX_FILES_PER_UPLOAD) {
      throw refused(RefusedUpload.invalid(UploadRefusal.INVALID_REQUEST,
          "at most " + MAX_FILES_PER_UPLOAD + " files at once"));
    }
    return uploads.stream()
        .map(upload -> upload(actor, upload, accessType, altText, requiredKind))
        .toList();
  }

  private StoredFile upload(Actor actor, Upload upload, AccessType accessType, String altText,
      FileKind requiredKind) {
    try {
      return store(actor, upload, accessType, altText, requiredKind);
    } catch (RefusedUpload refusal) {
      throw refused(refusal);
    }
  }

  private RefusedUpload refused(RefusedUpload refusal) {
    events.publishEvent(new UploadRefused(refusal.refusal()));
    return refusal;
  }

  private StoredFile store(Actor actor, Upload upload, AccessType accessType, String altText,
      FileKind requiredKind) {
    InputStream content = upload.content();
    String declaredName = upload.declaredName();
    String declaredMimeType = upload.declaredMimeType();
    if (altText != null && altText.length() > MAX_ALT_TEXT) {
      throw RefusedUpload.invalid(UploadRefusal.INVALID_REQUEST,
          "altText must be at most " + MAX_ALT_TEXT + " characters");
    }
    try (HashingSpool spool =
        HashingSpool.write(content, settings.stagingDir(), settings.maxBytes())) {
      MediaInfo info = inspector.inspect(spool.path(), declaredMimeType);
      if (requiredKind != null && info.kind() != requiredKind) {
        throw RefusedUpload.invalid(UploadRefusal.WRONG_KIND, "the file must be " + requiredKind.name().toLowerCase(
            java.util.Locale.ROOT) + ", not " + info.mimeType());
      }
      StoredBlob blob;
      try (InputStream staged = Files.newInputStream(spool.path())) {
        blob = store.put(staged);
      }
      Thumbnail thumbnail = info.thumbnail();
      String thumbnailSha = thumbnail == null
          ? null
          : store.put(new ByteArrayInputStream(thumbnail.bytes())).sha256();
      StoredFile file = new StoredFile(actor.tenantId(), ids.next(), actor.userId(),
          FileNames.sanitize(declaredName, "file"), info.mimeType(), info.kind(), blob.size(),
          blob.sha256(), thumbnailSha, thumbnail == null ? null : thumbnail.mimeType(),
          info.width(), info.height(), info.durationMs(), info.exifJson(), info.gps(),
          accessType == null ? AccessType.PRIVATE : accessType, blank(altText) ? null : altText,
          clock.instant());
      tx.executeWithoutResult(status -> {
        files.insert(file);
        events.publishEvent(new FileUploaded(file));
      });
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes the file readable by the members of a conversation and returns it. Runs inside the
   * caller's transaction (posting the message that carries the file), never on its own.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public StoredFile share(Actor actor, String fileId, String conversationId) {
    StoredFile file = requireReadable(actor, fileId);
    conversationAccess.requireMember(actor, conversationId);
    files.share(actor.tenantId(), file.id(), conversationId);
    return file;
  }

  /**
   * The file's record as the actor may see it: the GPS position is kept for the owner only,
   * unless the domain shares it ({@link #sharesGps}).
   */
  public StoredFile describe(Actor actor, String fileId) {
    StoredFile file = requireReadable(actor, fileId);
    return mayLocate(actor, file) ? file : file.withoutGps();
  }

  /**
   * Deletes a file: its uploader, or an administrator of the domain (Office Manager and above),
   * may. Messages that carried it show no file from then on; downloads answer 404.
   */
  @Transactional
  public void delete(Actor actor, String fileId) {
    StoredFile file = requireReadable(actor, fileId);
    if (!file.ownerId().equals(actor.userId()) && !actor.scope().atLeast(Scope.OFFICE_MANAGER)) {
      throw DomainException.forbidden("Only the uploader or an administrator may delete a file");
    }
    files.delete(actor.tenantId(), file.id());
  }

  /**
   * Deletes the records of every file the user uploaded (erasure), in the caller's transaction;
   * returns how many. Blobs are content-addressed and stay in the store.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int deleteOwnedBy(String tenantId, String userId) {
    List<String> owned = files.ownedBy(tenantId, userId);
    owned.forEach(id -> files.delete(tenantId, id));
    return owned.size();
  }

  /**
   * The records of those files the actor may read, by id, as {@link #describe} shows them; the
   * others are left out (a message whose file he may not read shows no file). One query.
   */
  public Map<String, StoredFile> describeAll(Actor actor, Collection<String> fileIds) {
    List<String> wanted = fileIds.stream().filter(Ids::isId).distinct().toList();
    Map<String, StoredFile> found = new HashMap<>();
    for (StoredFile file : files.readableBy(actor.tenantId(), actor.userId(), wanted)) {
      found.put(file.id(), mayLocate(actor, file) ? file : file.withoutGps());
    }
    return found;
  }

  /** The file or its thumbnail, ready to be opened, if the actor may read it. */
  public FileContent openForRead(Actor actor, String fileId, boolean thumbnail) {
    StoredFile file = requireReadable(actor, fileId);
    if (!thumbnail) {
      return new FileContent(file, file.sha256(), file.size(), file.mimeType(), file.name(), store);
    }
    if (!file.hasThumbnail()) {
      throw DomainException.notFound("thumbnail");
    }
    try {
      long size = store.size(file.thumbnailSha256()).orElseThrow(() -> DomainException.notFound("thumbnail"));
      String extension = file.thumbnailMimeType().equals("image/png") ? ".png" : ".jpg";
      return new FileContent(file, file.thumbnailSha256(), size, file.thumbnailMimeType(),
          "thumbnail-" + file.id() + extension, store);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StoredFile requireReadable(Actor actor, String fileId) {
    StoredFile file =
        (Ids.isId(fileId) ? files.find(actor.tenantId(), fileId) : java.util.Optional.<StoredFile>empty())
            .orElseThrow(() -> DomainException.notFound("file"));
    if (file.ownerId().equals(actor.userId()) || file.accessType() == AccessType.PUBLIC) {
      return file;
    }
    boolean member =
        files.sharedInto(actor.tenantId(), file.id()).stream()
            .anyMatch(c -> conversations.member(actor.tenantId(), c, actor.userId()).isPresent());
    if (!member) {
      throw DomainException.forbidden("You may not read this file");
    }
    return file;
  }

  /** Whether the domain shows photos' GPS positions to users other than the owner. */
  public boolean sharesGps(String tenantId) {
    return policies.shareGps(tenantId).orElse(settings.shareGps());
  }

  /** The domain's choice; an operator's decision, so the caller checks he is one. */
  @Transactional
  public void setGpsSharing(String tenantId, boolean shareGps) {
    policies.setShareGps(tenantId, shareGps, clock.instant());
  }

  private boolean mayLocate(Actor actor, StoredFile file) {
    return file.ownerId().equals(actor.userId()) || sharesGps(actor.tenantId());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
