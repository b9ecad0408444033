package dev.switchboard.api.allmine;

import dev.switchboard.api.allmine.AllmineDtos.ChatView;
import dev.switchboard.api.allmine.AllmineDtos.ChatsPage;
import dev.switchboard.api.allmine.AllmineDtos.MediaView;
import dev.switchboard.conversation.ChatList;
import dev.switchboard.conversation.ChatSummary;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.conversation.Member;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageService;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Allmine chats", description = "The caller's chats")
@SecurityRequirement(name = "bearerToken")
class AllmineChatController {
  private final ConversationService conversations;
  private final MessageService messages;
  private final UserService users;
  private final AllmineMedia media;
  private final Clock clock;

  AllmineChatController(
      ConversationService conversations,
      MessageService messages,
      UserService users,
      AllmineMedia media,
      Clock clock) {
    this.conversations = conversations;
    this.messages = messages;
    this.users = users;
    this.media = media;
    this.clock = clock;
  }

  @GetMapping("/api/v1/chats")
  @Operation(summary = "The caller's chats, most recent activity first, with unread counts")
  AllmineEnvelope<ChatsPage> chats(
      @Parameter(hidden = true) Actor actor,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    ChatList list = conversations.chats(actor, new PageRequest(page, limit));
    List<String> ids = list.chats().stream().map(s -> s.conversation().id()).toList();
    Map<String, Message> latest =
        messages.latest(actor, ids).stream()
            .collect(Collectors.toMap(Message::conversationId, Function.identity()));
    List<String> people =
        list.chats().stream()
            .flatMap(s -> s.members().stream())
            .map(Member::userId)
            .distinct()
            .toList();
    Map<String, User> byId = users.byUserId(actor.tenantId(), people);
    Map<String, MediaView> files = media.of(actor, latest.values());
    List<ChatView> views =
        list.chats().stream().map(s -> view(s, latest, byId, files)).toList();
    return AllmineEnvelope.ok(200, new ChatsPage(views, page, limit, list.total()), clock.instant());
  }

  private static ChatView view(
      ChatSummary summary,
      Map<String, Message> latest,
      Map<String, User> users,
      Map<String, MediaView> files) {
    return AllmineMapper.chat(summary, latest.get(summary.conversation().id()), users, files);
  }
}
