package dev.switchboard.api.admin;

import dev.switchboard.conversation.ConversationOversight.Overview;
import dev.switchboard.conversation.Member;
import dev.switchboard.message.Message;
import dev.switchboard.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/** How conversations and messages look to the operator. */
final class AdminConversationViews {
  private AdminConversationViews() {}

  @Schema(name = "AdminMember")
  record MemberView(
      @Schema(example = "alice") String userId,
      @Schema(example = "12") long lastReadSeq,
      @Schema(example = "2026-11-21T10:30:00.000Z") String joinedAt) {
    static MemberView of(Member m) {
      return new MemberView(m.userId(), m.lastReadSeq(), Timestamps.iso(m.joinedAt()));
    }
  }

  @Schema(name = "AdminConversation")
  record ConversationView(
      @Schema(example = "6741f0c2a1b2c3d4e5f60718") String conversationId,
      @Schema(example = "direct") String kind,
      @Schema(example = "Book club", nullable = true) String title,
      @Schema(example = "12") long messages,
      @Schema(example = "2026-11-21T11:02:00.000Z") String lastActivityAt,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt,
      List<MemberView> members) {
    static ConversationView of(Overview o) {
      var c = o.conversation();
      return new ConversationView(c.id(), c.kind().name().toLowerCase(Locale.ROOT), c.title(),
          c.lastSeq(), Timestamps.iso(c.lastActivityAt()), Timestamps.iso(c.createdAt()),
          o.members().stream().map(MemberView::of).toList());
    }
  }

  @Schema(name = "AdminMessage")
  record AdminMessageView(
      @Schema(example = "6741f0c2a1b2c3d4e5f60719") String messageId,
      @Schema(example = "6741f0c2a1b2c3d4e5f60718") String conversationId,
      @Schema(example = "12") long seq,
      @Schema(example = "alice") String senderId,
      @Schema(example = "text") String type,
      @Schema(example = "Hello Bob!", nullable = true) String content,
      @Schema(example = "null", nullable = true) String fileId,
      @Schema(example = "null", nullable = true) String parentId,
      @Schema(example = "null", nullable = true) Long creditAmount,
      @Schema(example = "0") long flagCount,
      @Schema(example = "false") boolean deleted,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt,
      @Schema(example = "null", nullable = true) String editedAt) {
    static AdminMessageView of(Message m) {
      return new AdminMessageView(m.id(), m.conversationId(), m.seq(), m.senderId(), m.type().wireName(),
          m.content(), m.fileId(), m.details().parentId(),
          m.credit() == null ? null : m.credit().amount(), m.details().flagCount(), m.deleted(),
          Timestamps.iso(m.createdAt()), Timestamps.iso(m.details().editedAt()));
    }
  }

  /** Messages newest first; {@code nextBefore} asks for the page after this one (null: no more). */
  @Schema(name = "AdminMessagesPage")
  record MessagesPage(List<AdminMessageView> items, @Schema(example = "3", nullable = true) Long nextBefore) {}
}
