package dev.switchboard.api.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sms.SmsOutboxEntries;
import dev.switchboard.sms.SmsOutboxEntry;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Chromium;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.tenant.TenantService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console in a real Chromium, as an operator uses it: sign in, create a domain, a user and
 * an API key, watch a message sent through the Allmine API arrive live, disable the user and
 * see his token refused, retry an SMS, sign out. Each page is saved as a screenshot under
 * target/console-screenshots.
 */
@ExtendWith(Chromium.class)
class ConsoleBrowserIT extends ApiTestBase {
  @Autowired SmsOutboxEntries outbox;
  @Autowired TenantService tenants;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Chromium.start(1280, 900);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anOperatorRunsTheServerFromTheConsole() {
    browser.get(base() + "/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Switchboard");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("NetSapiens").contains("Amity");
    Chromium.screenshot(browser, "01-landing");
    browser.findElement(By.linkText("Operator console")).click();

    signIn("not-the-admin-key");
    waitForText(By.id("alert"), "That admin key was not accepted.");
    assertThat(browser.findElement(By.id("alert")).getText()).doesNotContain("{");
    Chromium.screenshot(browser, "02-sign-in-refused");
    signIn(ADMIN_KEY);
    waitForText(By.tagName("h1"), "Dashboard");
    waitForText(By.className("tiles"), "Database");
    assertThat(browser.executeScript(
        "return localStorage.length + sessionStorage.length + document.cookie.length")).isEqualTo(0L);
    Chromium.screenshot(browser, "03-dashboard");

    // A domain, through the form.
    String domain = Fixtures.unique("console").toLowerCase();
    go("#/domains", "Domains");
    fill("create-domain", Map.of("domain", domain, "description", "Made in the browser"));
    waitForText(By.id("alert"), "Domain " + domain + " created.");
    Chromium.screenshot(browser, "04-domains");

    // Two users; Alice gets credits.
    go("#/d/" + domain + "/users", "Users");
    for (String user : new String[] {"alice", "bob"}) {
      fill("create-user", Map.of("userId", user, "displayName", user + " example",
          "password", Fixtures.PASSWORD));
      waitForText(By.id("alert"), "User " + user + " created.");
    }
    Chromium.screenshot(browser, "05-users");
    go("#/d/" + domain + "/users/alice", "alice example");
    fill("credits", Map.of("amount", "100", "reason", "welcome"));
    waitForText(By.id("balance"), "100");
    Chromium.screenshot(browser, "06-user");

    // An API key, shown once.
    go("#/d/" + domain + "/keys", "API keys");
    fill("create-key", Map.of("description", "mobile app"));
    String key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText();
    assertThat(key).startsWith("sbk_");
    Chromium.screenshot(browser, "07-api-keys");

    // A conversation, and a message sent through the Allmine API appearing live.
    String alice = fixtures.token(domain, "alice");
    String chat = fixtures.as(alice).body(Json.of("type", "text", "targetUserId", "bob", "content", "first"))
        .post("/api/v2/messages").then().statusCode(201).extract().path("data.chatId");
    go("#/d/" + domain + "/conversations", "Conversations");
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("alice, bob"))).click();
    waitForText(By.id("stream-state"), "Live");
    waitForText(By.id("messages"), "first");
    fixtures.as(alice).body(Json.of("type", "text", "chatId", chat, "content", "hello from the API"))
        .post("/api/v2/messages").then().statusCode(201);
    waitForText(By.id("live"), "hello from the API");
    Chromium.screenshot(browser, "08-conversation");

    // Disabling Alice: her token is refused at once.
    go("#/d/" + domain + "/users/alice", "alice example");
    browser.findElement(By.id("disable-user")).click();
    browser.switchTo().alert().accept();
    waitForText(By.id("user-state"), "disabled");
    fixtures.as(alice).get("/api/v1/chats").then().statusCode(401);

    // An SMS the carrier refused, retried from the outbox page.
    String entry = failedSms(domain);
    go("#/d/" + domain + "/sms", "SMS");
    waitForText(By.tagName("main"), "Carrier refused");
    Chromium.screenshot(browser, "09-sms");
    browser.findElement(By.cssSelector("[aria-label='Retry SMS " + entry + "']")).click();
    waitForText(By.id("alert"), "The SMS is queued again.");
    assertThat(outbox.find(tenants.byName(domain).id(), entry).orElseThrow().status().dbValue())
        .isEqualTo("queued");

    // A webhook: the signing secret shown once, the endpoint listed with its state, paused.
    go("#/d/" + domain + "/webhooks", "Webhooks");
    fill("create-webhook", Map.of("url", "https://hooks.example.com/console",
        "events", "message.created"));
    String signing = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.id("new-webhook-secret"))).getText();
    assertThat(signing).startsWith("whsec_");
    waitForText(By.tagName("main"), "https://hooks.example.com/console");
    Chromium.screenshot(browser, "09b-webhooks");
    browser.findElement(By.cssSelector("[aria-label^='Pause webhook']")).click();
    waitForText(By.id("alert"), "The webhook is paused.");
    assertThat(fixtures.admin().get("/admin/v1/domains/{d}/webhooks", domain).then()
        .extract().<String>path("items[0].status")).isEqualTo("suspended");

    go("#/d/" + domain + "/moderation", "Moderation");
    Chromium.screenshot(browser, "10-moderation");
    go("#/audit", "Audit log");
    waitForText(By.tagName("main"), "user.disable");
    waitForText(By.tagName("main"), "sms.retry");
    waitForText(By.tagName("main"), "webhook.create");
    Chromium.screenshot(browser, "11-audit");

    // A phone: no sideways scrolling, tables as cards.
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    go("#/d/" + domain + "/users", "Users");
    assertThat((Long) browser.executeScript(
        "return document.documentElement.scrollWidth - window.innerWidth")).isLessThanOrEqualTo(0L);
    Chromium.screenshot(browser, "12-users-phone");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

    browser.findElement(By.id("sign-out")).click();
    waitForText(By.tagName("h1"), "Sign in");
    assertThat(fetchStatus("/admin/v1/status", "GET", null)).isEqualTo(401L);
    Chromium.screenshot(browser, "13-signed-out");
  }

  @Test
  void aRequestWithoutTheCsrfTokenIsRefusedInTheBrowser() {
    browser.get(base() + "/console");
    signIn(ADMIN_KEY);
    waitForText(By.tagName("h1"), "Dashboard");
    // The session cookie goes along (same origin), but without the token a change is refused.
    assertThat(fetchStatus("/admin/v1/domains", "POST", "{\"domain\":\"no-csrf\"}")).isEqualTo(403L);
    assertThat(fetchStatus("/admin/v1/status", "GET", null)).isEqualTo(200L);
    fixtures.admin().queryParam("q", "no-csrf").get("/admin/v1/domains").then()
        .body("total", org.hamcrest.Matchers.equalTo(0));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Types the key with the keyboard and presses Enter, as a person would. */
  private void signIn(String key) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-key")));
    input.clear();
    input.sendKeys(key, Keys.ENTER);
  }

  private void go(String hash, String heading) {
    browser.get(base() + "/console" + hash);
    waitForText(By.tagName("h1"), heading);
  }

  private void fill(String formId, Map<String, String> values) {
    WebElement form = browser.findElement(By.id(formId));
    values.forEach((name, value) -> {
      WebElement input = form.findElement(By.name(name));
      input.clear();
      input.sendKeys(value);
    });
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  private void waitForText(By where, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
  }

  private Long fetchStatus(String path, String method, String body) {
    return (Long) browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {method: arguments[1], credentials: 'same-origin',"
            + " headers: {'Content-Type': 'application/json'}, body: arguments[2]})"
            + ".then(r => done(r.status), e => done(-1));",
        path, method, body);
  }

  /** An outbox entry the carrier refused, stored through the outbox's own storage port. */
  private String failedSms(String domain) {
    String tenantId = tenants.byName(domain).id();
    String id = Long.toHexString(System.nanoTime()) + "0".repeat(24);
    id = id.substring(0, 24);
    Instant now = Instant.now();
    outbox.insert(SmsOutboxEntry.queued(tenantId, id, null, "18585550001", "18585551234", "Your table is ready", now));
    assertThat(outbox.claim(tenantId, id, "c".repeat(24), now.plusSeconds(1), now.plusSeconds(60))).isTrue();
    assertThat(outbox.fail(tenantId, id, "c".repeat(24), "Carrier refused: invalid destination", now)).isTrue();
    return id;
  }
}
