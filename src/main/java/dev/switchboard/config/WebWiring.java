package dev.switchboard.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.switchboard.access.AdminKey;
import dev.switchboard.access.ApiKeyService;
import dev.switchboard.access.TokenService;
import dev.switchboard.api.admin.AdminKeyInterceptor;
import dev.switchboard.api.admin.AuditInterceptor;
import dev.switchboard.api.admin.OperationsAccessFilter;
import dev.switchboard.api.admin.console.BrowserPageHeaders;
import dev.switchboard.api.netsapiens.NsCallerResolver;
import dev.switchboard.api.web.BearerActorResolver;
import dev.switchboard.api.web.ClientRateLimitFilter;
import dev.switchboard.api.web.CredentialResolver;
import dev.switchboard.api.web.DialectErrorReportValve;
import dev.switchboard.api.web.DialectErrorRouter;
import dev.switchboard.api.web.EarlyAuthentication;
import dev.switchboard.api.web.ErrorResponses;
import dev.switchboard.api.web.LiteralHeadHandlerMapping;
import dev.switchboard.api.web.RateLimiter;
import dev.switchboard.api.web.RequestIdFilter;
import dev.switchboard.api.web.RequestSizeLimitFilter;
import dev.switchboard.api.web.TextCheckingFilter;
import dev.switchboard.operator.AuditLog;
import dev.switchboard.operator.OperatorSessions;
import dev.switchboard.tenant.TenantService;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableConfigOverride;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class WebWiring implements WebMvcConfigurer {
  private static final Consumer<MutableConfigOverride> NO_NULL_ELEMENTS =
      override -> override.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL));

  private final AdminKey adminKey;
  private final RateLimiter rateLimiter;
  private final List<CredentialResolver<?>> credentials;
  private final TenantService tenants;
  private final OperatorSessions operatorSessions;
  private final AuditLog audit;

  WebWiring(
      TokenService tokens,
      AdminKey adminKey,
      ApiKeyService apiKeys,
      TenantService tenants,
      RateLimiter rateLimiter,
      OperatorSessions operatorSessions,
      AuditLog audit) {
    this.adminKey = adminKey;
    this.rateLimiter = rateLimiter;
    this.tenants = tenants;
    this.operatorSessions = operatorSessions;
    this.audit = audit;
    this.credentials =
        List.of(new BearerActorResolver(tokens), new NsCallerResolver(tokens, apiKeys, tenants));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.addAll(credentials);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AdminKeyInterceptor(adminKey, operatorSessions))
        .addPathPatterns("/admin/**");
    registry.addInterceptor(new AuditInterceptor(audit, tenants)).addPathPatterns("/admin/**");
    registry.addInterceptor(new EarlyAuthentication(credentials, rateLimiter));
  }

  /** Request mapping that sets aside the mappings a path cannot match (see the class). */
  @Bean
  WebMvcRegistrations literalHeadMappings() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new LiteralHeadHandlerMapping();
      }
    };
  }

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter(DialectErrorRouter dialects) {
    FilterRegistrationBean<RequestIdFilter> bean =
        new FilterRegistrationBean<>(new RequestIdFilter(dialects));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }

  @Bean
  FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilter(ErrorResponses errors) {
    FilterRegistrationBean<ClientRateLimitFilter> bean =
        new FilterRegistrationBean<>(new ClientRateLimitFilter(rateLimiter, errors));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return bean;
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      SwitchboardProperties properties) {
    FilterRegistrationBean<RequestSizeLimitFilter> bean =
        new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(properties.maxRequestSize().toBytes()));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return bean;
  }

  @Bean
  FilterRegistrationBean<BrowserPageHeaders> browserPageHeaders() {
    FilterRegistrationBean<BrowserPageHeaders> bean =
        new FilterRegistrationBean<>(new BrowserPageHeaders());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return bean;
  }

  @Bean
  FilterRegistrationBean<TextCheckingFilter> textCheckingFilter(ErrorResponses errors) {
    FilterRegistrationBean<TextCheckingFilter> bean =
        new FilterRegistrationBean<>(new TextCheckingFilter(errors));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return bean;
  }

  /**
   * Metrics and API documents: {@code public}, {@code admin-key} or {@code off}, each set by
   * {@code switchboard.operations.metrics} / {@code api-docs}; the {@code prod} profile closes
   * them.
   */
  @Bean
  FilterRegistrationBean<OperationsAccessFilter> operationsAccessFilter(
      ErrorResponses errors,
      @Value("${switchboard.operations.metrics:public}") String metrics,
      @Value("${switchboard.operations.api-docs:public}") String apiDocs) {
    FilterRegistrationBean<OperationsAccessFilter> bean =
        new FilterRegistrationBean<>(
            new OperationsAccessFilter(
                OperationsAccessFilter.Access.parse(metrics),
                OperationsAccessFilter.Access.parse(apiDocs),
                new AdminKeyInterceptor(adminKey, operatorSessions),
                errors));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return bean;
  }

  /**
   * What Tomcat refuses before any filter runs (undecodable paths, oversized headers and URLs)
   * is answered in the dialect's envelope, not Tomcat's HTML page: our valve takes the place of
   * the host's error report valve.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> dialectErrorReports(
      ObjectProvider<ErrorResponses> errors, ObjectProvider<JsonMapper> json) {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(DialectErrorReportValve.class.getName());
                host.getPipeline()
                    .addValve(new DialectErrorReportValve(errors::getObject, json::getObject));
              }
            });
  }

  /**
   * A JSON number is not a string and a string is not a number: wrong types are refused with a
   * 400 naming the field instead of being silently converted. A {@code null} inside a list
   * ({@code "tags": [null]}) means nothing in any dialect and is refused the same way.
   */
  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder ->
        builder
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Integer,
                config ->
                    config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withConfigOverride(List.class, NO_NULL_ELEMENTS)
            .withConfigOverride(Set.class, NO_NULL_ELEMENTS);
  }
}
