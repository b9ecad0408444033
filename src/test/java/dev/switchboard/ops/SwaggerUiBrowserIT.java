package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Chromium;
import dev.switchboard.support.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Swagger UI in a real Chromium, as a newcomer uses it: the APIs in their order (admin and
 * tokens first), the admin key given once in "Authorize", and the walkthrough's first request —
 * create a domain — made with "Try it out", answered 201 as documented. Screenshots go to
 * target/console-screenshots.
 */
@ExtendWith(Chromium.class)
class SwaggerUiBrowserIT extends ApiTestBase {
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Chromium.start(1280, 1600);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aNewcomerCreatesADomainWithTryItOut() {
    browser.get("http://localhost:" + port + "/swagger-ui.html");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-tag")));
    List<String> tags = browser.findElements(By.cssSelector(".opblock-tag")).stream()
        .map(tag -> tag.getAttribute("data-tag")).toList();
    assertThat(tags).startsWith("Admin", "Console", "Auth");
    assertThat(tags).contains("Files", "Carrier callbacks", "Amity messages", "Allmine messages",
        "NetSapiens messages");
    assertThat(tags.indexOf("Amity messages")).isLessThan(tags.indexOf("Allmine messages"));
    assertThat(tags.indexOf("Allmine messages")).isLessThan(tags.indexOf("NetSapiens messages"));
    Chromium.screenshot(browser, "swagger-01-tags");

    browser.findElement(By.cssSelector(".auth-wrapper .authorize")).click();
    WebElement adminKey = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//div[contains(@class,'auth-container')][.//h4[contains(.,'adminKey')]]")));
    adminKey.findElement(By.tagName("input")).sendKeys(ADMIN_KEY);
    adminKey.findElement(By.cssSelector("button.authorize")).click();
    browser.findElement(By.cssSelector(".modal-ux button.btn-done")).click();

    WebElement create = browser.findElement(By.id("operations-Admin-createDomain"));
    create.findElement(By.cssSelector(".opblock-summary")).click();
    wait.until(ExpectedConditions.elementToBeClickable(create.findElement(By.cssSelector(".try-out__btn"))))
        .click();
    WebElement body = wait.until(ExpectedConditions.visibilityOf(
        create.findElement(By.cssSelector("textarea.body-param__text"))));
    String domain = Fixtures.unique("ui");
    body.clear();
    body.sendKeys("{\"domain\": \"" + domain + "\", \"description\": \"made in the Swagger UI\"}");
    create.findElement(By.cssSelector("button.execute")).click();
    WebElement status = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(create,
        By.cssSelector(".live-responses-table .response .response-col_status"))).getFirst();
    browser.executeScript("arguments[0].scrollIntoView()", status);
    Chromium.screenshot(browser, "swagger-02-try-it-out");
    assertThat(status.getText()).startsWith("201");
    assertThat(create.findElement(By.cssSelector(".live-responses-table")).getText())
        .contains(domain);
    fixtures.admin().get("/admin/v1/domains/{d}", domain).then().statusCode(200);
  }
}
