package dev.switchboard.api.admin.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * What a browser pointed at the server sees at {@code /}: what is running and where to go next
 * (the console, the API documentation, health). The console itself is served from
 * {@code static/console} at {@code /console}.
 */
@Controller
@Hidden
class LandingPage {
  private final String version;

  LandingPage(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    this.version = properties == null ? "development build" : properties.getVersion();
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String landing() {
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Switchboard</title>
          <link rel="stylesheet" href="/console/console.css">
        </head>
        <body class="landing">
          <main>
            <h1>Switchboard</h1>
            <p>A self-hostable messaging server. Version <strong>%s</strong>.</p>
            <h2>Dialects served here</h2>
            <ul>
              <li>Allmine — <code>/api/v1</code>, <code>/api/v2</code></li>
              <li>Amity (social.plus) Chat — <code>/api/v3</code>, <code>/api/v4</code></li>
              <li>NetSapiens ns-api v2 — <code>/ns-api/v2</code></li>
              <li>Switchboard native — <code>/admin/v1</code>, <code>/auth</code>,
                realtime WebSocket <code>/realtime/v1</code></li>
            </ul>
            <h2>Go to</h2>
            <ul class="links">
              <li><a href="/console">Operator console</a> (sign in with the admin key)</li>
              <li><a href="/swagger-ui.html">API documentation</a>
                (<a href="/v3/api-docs">OpenAPI document</a>)</li>
              <li><a href="/actuator/health">Health</a></li>
            </ul>
          </main>
        </body>
        </html>
        """
        .formatted(HtmlUtils.htmlEscape(version));
  }

  @GetMapping({"/console", "/console/"})
  String console() {
    return "forward:/console/index.html";
  }
}
