package dev.switchboard.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiWiring {
  @Bean
  OpenAPI switchboardOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Switchboard")
                .description(
                    "Native admin and token API, and the Allmine-compatible messages API. "
                        + "Allmine responses are wrapped in {isSuccess, statusCode, data, errors,"
                        + " timestamp}.")
                .version("v1"))
        .components(
            new Components()
                .addSecuritySchemes(
                    "adminKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("The admin key"))
                .addSecuritySchemes(
                    "bearerToken",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from POST /auth/token")));
  }
}
