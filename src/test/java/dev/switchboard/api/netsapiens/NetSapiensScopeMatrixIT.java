package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsClient.V2;
import static dev.switchboard.api.netsapiens.NsClient.as;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.WireShape;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scope matrix: each scope against its own user, another user of its domain, a user of a
 * domain of the same reseller and a user of an unrelated domain, on a per-user read and a
 * domain-wide read.
 */
class NetSapiensScopeMatrixIT extends ApiTestBase {
  enum Target { SELF_TILDE, SELF_BY_NAME, OTHER_USER_SAME_DOMAIN, SAME_RESELLER_DOMAIN, OTHER_DOMAIN }

  private NsClient ns;
  private String reseller;
  private String home;
  private String sibling;
  private String foreign;

  @BeforeEach
  void setUp() {
    ns = new NsClient(fixtures);
    reseller = Fixtures.unique("res");
    home = ns.domain(reseller);
    sibling = ns.domain(reseller);
    foreign = ns.domain(Fixtures.unique("res"));
  }

  static Stream<Arguments> matrix() {
    return Stream.of(
        row("Basic User", 200, 200, 403, 403, 403),
        row("Office Manager", 200, 200, 200, 403, 403),
        row("Reseller", 200, 200, 200, 200, 403),
        row("Super User", 200, 200, 200, 200, 200));
  }

  private static Arguments row(String scope, int... statuses) {
    return Arguments.of(scope, statuses);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void perUserSessionsFollowTheScope(String scope, int[] expected) {
    String caller = ns.user(home, scope);
    String token = ns.token(home, caller);
    Target[] targets = Target.values();
    for (int i = 0; i < targets.length; i++) {
      String[] domainAndUser = target(targets[i], caller);
      Response response =
          as(token).get(V2 + "/domains/{d}/users/{u}/messagesessions", domainAndUser[0], domainAndUser[1]);
      response.then().statusCode(expected[i]);
      if (expected[i] == 403) {
        response.then().body("code", equalTo(403));
        WireShape.assertMatches("netsapiens/error.json", response.asString());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void domainWideSessionsNeedOfficeManagerOverThatDomain(String scope, int[] expected) {
    String token = ns.token(home, ns.user(home, scope));
    int own = scope.equals("Basic User") ? 403 : 200;
    as(token).get(V2 + "/domains/{d}/messagesessions", home).then().statusCode(own);
    as(token).get(V2 + "/domains/~/messagesessions").then().statusCode(own);
    as(token).get(V2 + "/domains/{d}/messagesessions", sibling).then().statusCode(expected[3]);
    as(token).get(V2 + "/domains/{d}/messagesessions", foreign).then().statusCode(expected[4]);
  }

  @Test
  void anUnknownDomainAnswersLikeAForbiddenOne() {
    String token = ns.token(home, ns.user(home, "Office Manager"));
    as(token).get(V2 + "/domains/{d}/messagesessions", "no-such-domain").then().statusCode(403)
        .body("message", equalTo("Domain not found or access denied"));
    as(token).get(V2 + "/domains/{d}/messagesessions", foreign).then().statusCode(403)
        .body("message", equalTo("Domain not found or access denied"));
  }

  @Test
  void anOfficeManagerCannotActAsAHigherScopeNorGrantOne() {
    String manager = ns.token(home, ns.user(home, "Office Manager"));
    String superUser = ns.user(home, "Super User");
    as(manager).get(V2 + "/domains/~/users/{u}/messagesessions", superUser).then().statusCode(403);
    as(manager).body(dev.switchboard.support.Json.of("user", "boss1", "user-scope", "Super User",
            "password", Fixtures.PASSWORD))
        .post(V2 + "/domains/~/users").then().statusCode(403);
  }

  private String[] target(Target target, String caller) {
    return switch (target) {
      case SELF_TILDE -> new String[] {"~", "~"};
      case SELF_BY_NAME -> new String[] {home, caller};
      case OTHER_USER_SAME_DOMAIN -> new String[] {home, ns.user(home, "Basic User")};
      case SAME_RESELLER_DOMAIN -> new String[] {sibling, ns.user(sibling, "Basic User")};
      case OTHER_DOMAIN -> new String[] {foreign, ns.user(foreign, "Basic User")};
    };
  }
}
