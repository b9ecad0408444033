package dev.switchboard.api.admin;

import dev.switchboard.api.admin.AdminConversationViews.ConversationView;
import dev.switchboard.api.admin.AdminConversationViews.AdminMessageView;
import dev.switchboard.conversation.ConversationOversight;
import dev.switchboard.message.FlaggedMessage;
import dev.switchboard.message.MessageModeration;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Violations;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moderation across a domain: the flagged messages with their flag counts, deleting a message,
 * banning a user from a conversation. Banning from the whole domain is disabling the user.
 */
@RestController
@RequestMapping("/admin/v1/domains/{domain}")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminModerationController {
  private final TenantService tenants;
  private final MessageModeration moderation;
  private final ConversationOversight conversations;

  AdminModerationController(
      TenantService tenants, MessageModeration moderation, ConversationOversight conversations) {
    this.tenants = tenants;
    this.moderation = moderation;
    this.conversations = conversations;
  }

  @Schema(name = "AdminFlaggedMessage")
  record FlaggedView(
      AdminMessageView message,
      @Schema(example = "3") long flagCount,
      @Schema(example = "[\"bob\", \"carol\"]") List<String> flaggedBy) {
    static FlaggedView of(FlaggedMessage f) {
      return new FlaggedView(AdminMessageView.of(f.message()), f.flagCount(), f.flaggerIds());
    }
  }

  @Schema(name = "AdminBan")
  record Ban(@Schema(example = "mallory") String userId) {}

  @GetMapping("/moderation/flagged")
  @Operation(summary = "Flagged messages not yet deleted, most flags first")
  AdminPage<FlaggedView> flagged(
      @PathVariable String domain,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    MessageModeration.Queue queue =
        moderation.flagged(tenants.byName(domain).id(), new PageRequest(page, limit));
    return AdminPage.of(queue.messages(), FlaggedView::of, page, limit, queue.total());
  }

  @DeleteMapping("/messages/{messageId}")
  @Audited("message.delete")
  @Operation(summary = "Delete a message (its content goes, its place stays; clients are told)")
  AdminMessageView deleteMessage(@PathVariable String domain, @PathVariable String messageId) {
    return AdminMessageView.of(moderation.delete(tenants.byName(domain).id(), messageId));
  }

  @PostMapping("/conversations/{conversationId}/bans")
  @Audited("conversation.ban")
  @Operation(summary = "Ban a user from a conversation: he leaves it and cannot come back")
  ConversationView ban(
      @PathVariable String domain, @PathVariable String conversationId, @RequestBody Ban body) {
    new Violations().notBlank("userId", body.userId()).throwIfAny();
    Tenant tenant = tenants.byName(domain);
    return ConversationView.of(conversations.ban(tenant.id(), conversationId, body.userId()));
  }

  @DeleteMapping("/conversations/{conversationId}/bans/{userId}")
  @Audited("conversation.unban")
  @Operation(summary = "Lift a ban (the user may be added or join again)")
  ConversationView unban(
      @PathVariable String domain, @PathVariable String conversationId, @PathVariable String userId) {
    return ConversationView.of(
        conversations.unban(tenants.byName(domain).id(), conversationId, userId));
  }
}
