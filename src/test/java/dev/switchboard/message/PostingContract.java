package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelMembership;
import dev.switchboard.conversation.ChannelService;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.conversation.NewChannel;
import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.NewUser;
import dev.switchboard.user.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;
import java.util.function.Consumer;

/**
 * The rules of posting as a service contract: {@link MessageService#post} called directly, no
 * HTTP, the same assertions on each database (H2 and PostgreSQL). Every dialect posts through
 * this method, so these rules hold whichever dialect asks.
 */
public interface PostingContract {
  /** The services the contract drives. */
  record Services(
      TenantService tenants,
      UserService users,
      ChannelService channels,
      ChannelMembership membership,
      MessageService messages,
      ChangeLog changes,
      TransactionOperations transactions) {}

  Services services();

  private Actor user(Tenant tenant, String userId, Scope scope) {
    services().users().create(tenant.id(), new NewUser(userId, "User " + userId, "pw-" + userId + "-0123", scope.label()));
    return new Actor(tenant.id(), tenant.name(), userId, scope);
  }

  private Tenant tenant() {
    return services().tenants().create("post-" + UUID.randomUUID().toString().substring(0, 8), null);
  }

  private Channel channel(Actor creator, String key, ConversationKind kind, String... members) {
    return services().channels().create(creator, new NewChannel(
        key, kind, key, null, null, null, List.of(members), false, false, null, true));
  }

  private PostedMessage text(Actor actor, ConversationRef where, String text) {
    return services().messages().post(actor, PostMessage.to(where).type(MessageType.TEXT).text(text).build());
  }

  private static Consumer<DomainException> forbidden(ErrorReason reason) {
    return e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
      assertThat(e.reason()).contains(reason);
    };
  }

  private void refused(Actor actor, ConversationRef where, ErrorReason reason) {
    assertThatThrownBy(() -> text(actor, where, "no"))
        .isInstanceOfSatisfying(DomainException.class, forbidden(reason));
  }

  @Test
  default void membersPostOutsidersAreRefusedAndOtherDomainsSeeNothing() {
    Tenant t = tenant();
    Actor mod = user(t, "mod", Scope.BASIC_USER);
    Actor member = user(t, "member", Scope.BASIC_USER);
    Actor outsider = user(t, "outsider", Scope.BASIC_USER);
    Channel open = channel(mod, "open", ConversationKind.COMMUNITY, "member");

    PostedMessage posted = text(member, new ConversationRef.ChannelKey("open"), "hello");
    assertThat(posted.replayed()).isFalse();
    assertThat(posted.conversationKey()).isEqualTo("open");
    assertThat(posted.message().conversationId()).isEqualTo(open.id());
    refused(outsider, new ConversationRef.Id(open.id()), ErrorReason.NOT_MEMBER);

    Tenant other = tenant();
    Actor stranger = user(other, "member", Scope.BASIC_USER);
    assertThatThrownBy(() -> text(stranger, new ConversationRef.Id(open.id()), "x"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThatThrownBy(() -> text(stranger, new ConversationRef.ChannelKey("open"), "x"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  default void theRuleIsTheConversationsWhicheverWayItIsNamed() {
    Tenant t = tenant();
    Actor mod = user(t, "mod", Scope.BASIC_USER);
    Actor member = user(t, "member", Scope.BASIC_USER);
    Actor manager = user(t, "manager", Scope.OFFICE_MANAGER);
    Channel news = channel(mod, "news", ConversationKind.BROADCAST, "member", "manager");

    // By its id (as Allmine names it) or by its key (as Amity does): moderators only.
    refused(member, new ConversationRef.Id(news.id()), ErrorReason.NOT_MEMBER);
    refused(member, new ConversationRef.ChannelKey("news"), ErrorReason.NOT_MEMBER);
    assertThat(text(mod, new ConversationRef.Id(news.id()), "news").message().seq()).isEqualTo(1);
    // A domain manager moderates every channel of his domain.
    assertThat(text(manager, new ConversationRef.ChannelKey("news"), "more").message().seq()).isEqualTo(2);
  }

  @Test
  default void bansMutesAndAMutedChannelAreRefusedWithTheirReasons() {
    Tenant t = tenant();
    Actor mod = user(t, "mod", Scope.BASIC_USER);
    Actor member = user(t, "member", Scope.BASIC_USER);
    channel(mod, "rules", ConversationKind.COMMUNITY, "member");
    ConversationRef rules = new ConversationRef.ChannelKey("rules");

    services().membership().muteChannel(mod, "rules", 60_000);
    refused(member, rules, ErrorReason.CONVERSATION_MUTED);
    text(mod, rules, "moderators speak in a muted channel");
    services().membership().muteChannel(mod, "rules", 0);

    services().membership().muteMembers(mod, "rules", List.of("member"), 60_000);
    refused(member, rules, ErrorReason.USER_MUTED);
    services().membership().muteMembers(mod, "rules", List.of("member"), 0);
    text(member, rules, "unmuted");

    services().membership().ban(mod, "rules", List.of("member"));
    refused(member, rules, ErrorReason.USER_BANNED);
  }

  @Test
  default void aDeletedChannelIsNotFound() {
    Tenant t = tenant();
    Actor mod = user(t, "mod", Scope.BASIC_USER);
    Channel gone = channel(mod, "gone", ConversationKind.COMMUNITY);
    services().channels().delete(mod, "gone");
    assertThatThrownBy(() -> text(mod, new ConversationRef.Id(gone.id()), "x"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  default void aReplyNeedsAParentInTheSameConversationAndCountsInItsThread() {
    Tenant t = tenant();
    Actor a = user(t, "a", Scope.BASIC_USER);
    user(t, "b", Scope.BASIC_USER);
    user(t, "c", Scope.BASIC_USER);
    PostedMessage parent = text(a, new ConversationRef.DirectWith("b"), "parent");
    PostedMessage elsewhere = text(a, new ConversationRef.DirectWith("c"), "elsewhere");
    ConversationRef here = new ConversationRef.Id(parent.message().conversationId());

    PostedMessage reply = services().messages().post(a,
        PostMessage.to(here).type(MessageType.TEXT).text("reply").parentId(parent.message().id()).build());
    assertThat(reply.message().details().parentId()).isEqualTo(parent.message().id());
    assertThatThrownBy(() -> services().messages().post(a,
            PostMessage.to(here).type(MessageType.TEXT).text("x").parentId(elsewhere.message().id()).build()))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  default void aClientKeyReplaysTheSameMessageAndRefusesAnother() {
    Tenant t = tenant();
    Actor a = user(t, "a", Scope.BASIC_USER);
    user(t, "b", Scope.BASIC_USER);
    PostMessage first = PostMessage.to(new ConversationRef.DirectWith("b")).type(MessageType.TEXT)
        .text("once").clientKey("k-1").build();
    PostedMessage posted = services().messages().post(a, first);
    PostedMessage again = services().messages().post(a, first);
    assertThat(again.replayed()).isTrue();
    assertThat(again.message()).isEqualTo(posted.message());
    PostMessage other = PostMessage.to(new ConversationRef.DirectWith("b")).type(MessageType.TEXT)
        .text("different").clientKey("k-1").build();
    assertThatThrownBy(() -> services().messages().post(a, other))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThat(services().changes().after(t.id(), posted.message().conversationId(), 0, 100))
        .extracting(Change::event).containsExactly("member.joined", "member.joined", "message.created");
  }

  @Test
  default void concurrentPostsGetDenseSequencesAndConcurrentRetriesOneMessage() throws Exception {
    Tenant t = tenant();
    Actor a = user(t, "a", Scope.BASIC_USER);
    Actor b = user(t, "b", Scope.BASIC_USER);
    String chat = text(a, new ConversationRef.DirectWith("b"), "first").message().conversationId();
    ConversationRef here = new ConversationRef.Id(chat);
    List<Callable<PostedMessage>> posts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Actor who = i % 2 == 0 ? a : b;
      String text = "m" + i;
      posts.add(() -> text(who, here, text));
    }
    // Four retries of one request under one key, at the same time as the rest; and four of
    // another inside callers' transactions (as an Idempotency-Key's record or a transfer's note).
    // Each set starts at once (a barrier), so that retries pass the replay check together and
    // all but one lose the key's race at the insert.
    PostMessage retried = PostMessage.to(here).type(MessageType.TEXT).text("retried").clientKey("same").build();
    CyclicBarrier together = new CyclicBarrier(4);
    for (int i = 0; i < 4; i++) {
      posts.add(() -> {
        together.await(1, TimeUnit.MINUTES);
        return services().messages().post(a, retried);
      });
    }
    PostMessage within = PostMessage.to(here).type(MessageType.TEXT).text("within").clientKey("inner").build();
    CyclicBarrier alsoTogether = new CyclicBarrier(4);
    for (int i = 0; i < 4; i++) {
      posts.add(() -> {
        alsoTogether.await(1, TimeUnit.MINUTES);
        return services().transactions().execute(status -> services().messages().post(b, within));
      });
    }
    List<PostedMessage> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<PostedMessage> f : pool.invokeAll(posts, 2, TimeUnit.MINUTES)) {
        results.add(f.get());
      }
    }
    Set<Long> seqs = new TreeSet<>();
    results.forEach(r -> seqs.add(r.message().seq()));
    // The first message is 1; the 40 posts and the two retried messages are 2..43, none
    // skipped or doubled.
    assertThat(seqs).hasSize(42).first().isEqualTo(2L);
    assertThat(seqs).last().isEqualTo(43L);
    for (List<PostedMessage> retries : List.of(results.subList(40, 44), results.subList(44, 48))) {
      assertThat(retries).extracting(r -> r.message().id()).containsOnly(retries.getFirst().message().id());
      assertThat(retries).filteredOn(r -> !r.replayed()).hasSize(1);
    }

    List<Change> log = services().changes().after(t.id(), chat, 0, 1000);
    assertThat(log).extracting(Change::changeSeq).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
    assertThat(log).filteredOn(c -> c.event().equals("message.created")).hasSize(43);
  }

  @Test
  default void aCreditNoteIsWrittenOnlyByTheLedgerAndADirectPeerMustMatch() {
    Tenant t = tenant();
    Actor a = user(t, "a", Scope.BASIC_USER);
    user(t, "b", Scope.BASIC_USER);
    user(t, "c", Scope.BASIC_USER);
    PostedMessage note = services().messages().post(a, PostMessage.creditNote("b", new CreditNote(5, "a", "b")));
    assertThat(note.message().type()).isEqualTo(MessageType.CREDIT_TRANSFER);
    assertThat(note.message().credit()).isEqualTo(new CreditNote(5, "a", "b"));
    assertThatThrownBy(() -> services().messages().post(a,
            PostMessage.to(new ConversationRef.DirectWith("b")).type(MessageType.CREDIT_TRANSFER).build()))
        .isInstanceOf(DomainException.class);
    PostMessage wrongPeer = PostMessage.to(new ConversationRef.Id(note.message().conversationId()))
        .directPeer("c").type(MessageType.TEXT).text("x").build();
    assertThatThrownBy(() -> services().messages().post(a, wrongPeer))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details())
            .containsExactly("recipientId does not match the chat given by conversationId"));
  }
}
