package dev.switchboard.config;

import dev.switchboard.api.web.DialectErrorRouter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: what it says of the whole server, its credentials,
 * and the customizers that place every operation in its API (docs/openapi.md).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiWiring {
  static final String DESCRIPTION = """
      One messaging server, several wire-compatible APIs. Tags are grouped by API, in this order:

      * **Admin** (`/admin/v1`, admin key) and **tokens** (`POST /auth/token`, `/auth/refresh`): \
      start here — create a domain and users, then sign in for a bearer token.
      * **Native** files (`/files/{id}`), the realtime change log (`/realtime/v1/changes`) and the \
      carrier callbacks (`/carrier/v1/sms/*`, carrier secret).
      * **Amity (social.plus) Chat** (`/api/v3`, `/api/v4`, `/api/v2/reactions`): register a \
      session with the network's `x-api-key`, then use its access token.
      * **Allmine** (`/api/v1`, `/api/v2`): every answer is wrapped in \
      `{isSuccess, statusCode, data, errors, timestamp}`.
      * **NetSapiens ns-api v2** (`/ns-api/v2`): a bearer access token or API key; writes answer \
      `202 {"code":202,"message":"Accepted"}`.

      Each API answers errors in its own body (schemas `NativeError`, `AmityError`, \
      `AllmineError`, `NetSapiensError`); every answer carries an `X-Request-Id` header.

      **Realtime WebSocket** (`GET /realtime/v1`, not expressible in OpenAPI): send \
      `{"type":"auth","token":"<access token>"}` within the auth timeout; the server answers \
      `ready`, then `change` frames (`conversationId`, `changeSeq`, `event`, `data`) for every \
      conversation of the user; `resume` with the last `changeSeq` per conversation replays what \
      was missed before live frames (`resumed`), `ping`/`pong` and `typing` are relayed; close \
      codes and every frame's JSON Schema are in docs/realtime.md and docs/realtime/schemas.

      **Amity realtime** (`GET /mqtt`, WebSocket subprotocol `mqtt`, MQTT 3.1.1): CONNECT with \
      the user's internal `_id` as username and an access token as password, then SUBSCRIBE; \
      change-feed events arrive as PUBLISH in Amity's event shapes (docs/amity.md, "Realtime: \
      MQTT over WebSocket").
      """;

  static {
    // Free-form JSON fields (Amity data and metadata) are any JSON value, never Jackson's tree.
    SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
        new Schema<>().description("Any JSON value"));
    // Resolved from the credentials, never sent as parameters.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(dev.switchboard.shared.Actor.class);
  }

  @Bean
  OpenAPI switchboardOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Switchboard").description(DESCRIPTION).version("v1"))
        .components(new Components()
            .addSecuritySchemes("adminKey", bearer("The admin key (data/admin.key or "
                + "switchboard.admin-key)", null))
            .addSecuritySchemes("bearerToken", bearer("An access token from POST /auth/token",
                "JWT"))
            .addSecuritySchemes("amityApiKey", new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("x-api-key")
                .description("A network's API key (admin API: POST /admin/v1/domains/{domain}/"
                    + "api-keys)"))
            .addSecuritySchemes("amityServerKey", new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("x-server-key")
                .description("A network's server key, for secure mode's auth tokens"))
            .addSecuritySchemes("amityBearer", bearer("The accessToken of POST /api/v4/sessions",
                "JWT"))
            .addSecuritySchemes("nsBearer", bearer("An access token of POST /ns-api/v2/tokens, "
                + "or an API key of POST /ns-api/v2/apikeys", null))
            .addSecuritySchemes("carrierSecret", bearer("The carrier callback secret "
                + "(switchboard.sms.http.callback-secret)", null))
            .addSecuritySchemes("consoleSession", new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                .name("switchboard_console").description("The web console's session cookie")));
  }

  private static SecurityScheme bearer(String description, String format) {
    return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
        .bearerFormat(format).description(description);
  }

  @Bean
  OpenApiCustomizer openApiDialects(DialectErrorRouter router) {
    return new OpenApiDialects(router);
  }

  @Bean
  PropertyCustomizer openApiNullability() {
    return new OpenApiNullability();
  }
}
