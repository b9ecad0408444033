package dev.switchboard.api.admin;

import dev.switchboard.api.admin.AdminConversationViews.ConversationView;
import dev.switchboard.api.admin.AdminConversationViews.AdminMessageView;
import dev.switchboard.api.admin.AdminConversationViews.MessagesPage;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationOversight;
import dev.switchboard.conversation.ConversationSearch;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageModeration;
import dev.switchboard.realtime.OperatorChangeStreams;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every conversation of a domain, whatever its members: list and search, members, messages
 * (each read audited), and its changes live as server-sent events from the change log.
 */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/conversations")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminConversationController {
  private final TenantService tenants;
  private final ConversationOversight conversations;
  private final MessageModeration messages;
  private final OperatorChangeStreams streams;

  AdminConversationController(
      TenantService tenants,
      ConversationOversight conversations,
      MessageModeration messages,
      OperatorChangeStreams streams) {
    this.tenants = tenants;
    this.conversations = conversations;
    this.messages = messages;
    this.streams = streams;
  }

  @GetMapping
  @Operation(summary = "List a domain's conversations, most recent activity first")
  AdminPage<ConversationView> listConversations(
      @PathVariable String domain,
      @Parameter(description = "Only those this user is a member of", example = "alice")
          @RequestParam(required = false) String member,
      @Parameter(description = "direct, group, community, live or broadcast", example = "direct")
          @RequestParam(required = false) String kind,
      @Parameter(description = "Text the id, channel id or title contains")
          @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    Tenant tenant = tenants.byName(domain);
    ConversationOversight.FoundConversations found =
        conversations.search(tenant.id(), new ConversationSearch(member, kind(kind), q),
            new PageRequest(page, limit));
    return AdminPage.of(found.conversations(), ConversationView::of, page, limit, found.total());
  }

  @GetMapping("/{conversationId}")
  @Operation(summary = "A conversation with its members")
  ConversationView getConversation(@PathVariable String domain, @PathVariable String conversationId) {
    return ConversationView.of(conversations.get(tenants.byName(domain).id(), conversationId));
  }

  @GetMapping("/{conversationId}/messages")
  @Audited("conversation.read-messages")
  @Operation(
      summary = "A conversation's messages, newest first (each read is audited)",
      description = "Pass nextBefore of one page as before to get the next, older page.")
  MessagesPage listMessages(
      @PathVariable String domain,
      @PathVariable String conversationId,
      @Parameter(description = "Only messages with a smaller seq") @RequestParam(required = false)
          Long before,
      @RequestParam(defaultValue = "50") int limit) {
    Tenant tenant = tenants.byName(domain);
    var conversation = conversations.get(tenant.id(), conversationId).conversation();
    List<Message> page =
        messages.history(tenant.id(), conversationId, conversation.lastSeq(), before, limit);
    Long next = page.isEmpty() || page.getLast().seq() <= 1 ? null : page.getLast().seq();
    return new MessagesPage(page.stream().map(AdminMessageView::of).toList(), next);
  }

  // No "produces": a refusal before the stream starts (unknown conversation) is rendered as the
  // native JSON error; an SseEmitter sets text/event-stream itself.
  @GetMapping("/{conversationId}/changes/stream")
  @Audited("conversation.watch")
  @Operation(
      summary = "The conversation's changes as server-sent events, live",
      description =
          "Events named change, with id = changeSeq and data = the change frame of"
              + " docs/realtime.md. Starts after ?after= (default: now) or after the Last-Event-ID"
              + " header an EventSource sends when it reconnects.")
  SseEmitter streamChanges(
      @PathVariable String domain,
      @PathVariable String conversationId,
      @RequestParam(required = false) Long after,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    Tenant tenant = tenants.byName(domain);
    conversations.get(tenant.id(), conversationId);
    Long from = lastEventId != null ? Long.valueOf(parsePosition(lastEventId)) : after;
    if (from != null && from < 0) {
      throw DomainException.invalid("after must be 0 or more");
    }
    return streams.open(tenant.id(), conversationId, from);
  }

  private static long parsePosition(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid("Last-Event-ID must be a change sequence");
    }
  }

  private static ConversationKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return ConversationKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("kind must be one of direct, group, community, live, broadcast");
    }
  }
}
