package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.conversation.ChannelMembers;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.Member;
import dev.switchboard.conversation.internal.JdbcChannelMembers;
import dev.switchboard.conversation.internal.JdbcConversations;
import dev.switchboard.message.internal.JdbcMessages;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Scope;
import dev.switchboard.support.CountingDataSource;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.ScratchSchema;
import dev.switchboard.support.TestDatabases;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import dev.switchboard.user.NewUser;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * What a history page costs the database, counted at the JDBC driver: {@link
 * MessageService#history} takes one connection and runs two statements (the access check that
 * also reads the members, and the page), plus one for the page's tags only when a message on it
 * has some; the participants' profiles come from the profile cache once it holds them. The
 * services run with their real storage adapters and real transactions (a small Spring context
 * with the production beans), on H2 and on PostgreSQL.
 */
class HistoryRoundTripsIT {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Test
  void onH2() throws Exception {
    String dir = Files.createTempDirectory("switchboard-history-trips").toString();
    try (HikariDataSource pool = pool("jdbc:h2:file:" + dir + "/db;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "h2")) {
      countHistoryPage(pool);
    }
  }

  @Test
  @ExtendWith(PostgresTestDatabase.class)
  void onPostgres() throws Exception {
    try (ScratchSchema schema = ScratchSchema.create("history_trips");
        HikariDataSource pool = pool(schema.url(), PostgresTestDatabase.user(), "postgresql")) {
      countHistoryPage(pool);
    }
  }

  private static void countHistoryPage(DataSource pool) {
    CountingDataSource counted = new CountingDataSource(pool);
    try (AnnotationConfigApplicationContext context = context(counted)) {
      MessageService history = context.getBean(MessageService.class);
      UserService users = context.getBean(UserService.class);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      Ids ids = context.getBean(Ids.class);

      Tenant tenant = new Tenant(ids.next(), "trips-" + ids.next(), null, NOW);
      new JdbcTenants(jdbc).insert(tenant);
      for (String userId : List.of("ann", "bob", "eve")) {
        users.create(tenant.id(), new NewUser(userId, "Name " + userId, null, null));
      }
      Conversation chat = conversation(jdbc, tenant, ids, "ann", "bob");
      JdbcMessages messages = new JdbcMessages(jdbc);
      JdbcConversations conversations = new JdbcConversations(jdbc);
      Message tagLater = null;
      for (int i = 1; i <= 60; i++) {
        long seq = conversations.advance(tenant.id(), chat.id(), NOW).seq();
        Message m = new Message(tenant.id(), ids.next(), chat.id(), seq, i % 2 == 0 ? "ann" : "bob",
            MessageType.TEXT, "m" + i, null, null, null, NOW, NOW);
        messages.insert(m);
        tagLater = i == 55 ? m : tagLater;
      }
      Actor ann = new Actor(tenant.id(), tenant.name(), "ann", Scope.BASIC_USER);
      PageRequest newest = new PageRequest(1, 50);

      counted.reset();
      ChatHistory page = history.history(ann, chat.id(), newest);
      Map<String, User> people = users.byUserId(tenant.id(), page.members().stream().map(Member::userId).toList());
      assertThat(page.messages()).hasSize(50).first().extracting(Message::content).isEqualTo("m60");
      assertThat(page.total()).isEqualTo(60);
      assertThat(page.members()).extracting(Member::userId).containsExactly("ann", "bob");
      assertThat(people).extractingByKey("bob").extracting(User::displayName).isEqualTo("Name bob");
      assertThat(counted.statements()).as("a cold profile cache: one more statement, on its own")
          .hasSize(3);
      assertThat(counted.checkouts()).isEqualTo(2);

      counted.reset();
      page = history.history(ann, chat.id(), newest);
      people = users.byUserId(tenant.id(), page.members().stream().map(Member::userId).toList());
      assertThat(people).containsOnlyKeys("ann", "bob");
      assertThat(counted.statements())
          .as("access check with the members, then the page: %s", counted.statements())
          .hasSize(2)
          .satisfies(sql -> assertThat(sql.get(0)).contains("LEFT JOIN conversation_members"))
          .satisfies(sql -> assertThat(sql.get(1)).contains("FROM messages"));
      assertThat(counted.checkouts()).as("one connection for the whole page").isEqualTo(1);
      assertThat(counted.commits()).isEqualTo(1);

      messages.update(tagLater.with(tagLater.content(), tagLater.details().edited(
          null, List.of("news", "late"), null, List.of(), NOW), NOW));
      counted.reset();
      page = history.history(ann, chat.id(), newest);
      assertThat(page.messages()).filteredOn(m -> m.content().equals("m55")).singleElement()
          .extracting(m -> m.details().tags()).isEqualTo(List.of("news", "late"));
      assertThat(counted.statements()).as("a tagged message on the page: its tags, one query")
          .hasSize(3);
      assertThat(counted.checkouts()).isEqualTo(1);

      counted.reset();
      Actor eve = new Actor(tenant.id(), tenant.name(), "eve", Scope.BASIC_USER);
      assertThatThrownBy(() -> history.history(eve, chat.id(), newest))
          .isInstanceOfSatisfying(DomainException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
      assertThatThrownBy(() -> history.history(ann, ids.next(), newest))
          .isInstanceOfSatisfying(DomainException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
      assertThat(counted.statements()).as("a refusal costs its one statement").hasSize(2);
    }
  }

  private static Conversation conversation(JdbcClient jdbc, Tenant tenant, Ids ids, String... members) {
    JdbcConversations conversations = new JdbcConversations(jdbc);
    Conversation c = new Conversation(tenant.id(), ids.next(), ConversationKind.GROUP, "chat", 0, NOW, NOW);
    conversations.insert(c, null);
    for (int i = 0; i < members.length; i++) {
      conversations.addMember(tenant.id(), c.id(), members[i], NOW.plusSeconds(i));
    }
    return c;
  }

  /** The production beans a history page goes through, with their real transactions. */
  private static AnnotationConfigApplicationContext context(DataSource dataSource) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    // Durations such as switchboard.users.profile-ttl's default "30s", as Spring Boot reads them.
    context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
    context.registerBean(DataSource.class, () -> dataSource);
    context.register(Wiring.class);
    context.refresh();
    return context;
  }

  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement
  @ComponentScan("dev.switchboard.user")
  static class Wiring {
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
      return JdbcClient.create(dataSource);
    }

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    @Bean
    Ids ids(Clock clock) {
      return new Ids(clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
      return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    Conversations conversations(JdbcClient jdbc) {
      return new JdbcConversations(jdbc);
    }

    @Bean
    ChannelMembers channelMembers(JdbcClient jdbc) {
      return new JdbcChannelMembers(jdbc);
    }

    @Bean
    ConversationAccess conversationAccess(
        Conversations conversations, ChannelMembers channelMembers, Clock clock) {
      return new ConversationAccess(conversations, channelMembers, clock);
    }

    /** Only what history uses: posting's collaborators are not part of this count. */
    @Bean
    MessageService messageService(
        JdbcClient jdbc,
        Conversations conversations,
        ConversationAccess access,
        PlatformTransactionManager transactions) {
      return new MessageService(new JdbcMessages(jdbc), conversations, null, access, null, null,
          transactions, List.of(), event -> { });
    }
  }

  private static HikariDataSource pool(String url, String user, String vendor) {
    HikariDataSource pool = TestDatabases.pool(url, user, "history-trips", 4);
    TestDatabases.flyway(pool, vendor).load().migrate();
    return pool;
  }
}
