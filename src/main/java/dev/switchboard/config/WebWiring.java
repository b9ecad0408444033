package dev.switchboard.config;

import dev.switchboard.access.AdminKey;
import dev.switchboard.access.ApiKeyService;
import dev.switchboard.access.TokenService;
import dev.switchboard.api.admin.AdminKeyInterceptor;
import dev.switchboard.api.admin.AuditInterceptor;
import dev.switchboard.api.admin.console.BrowserPageHeaders;
import dev.switchboard.operator.AuditLog;
import dev.switchboard.operator.OperatorSessions;
import dev.switchboard.api.netsapiens.NsCallerResolver;
import dev.switchboard.api.web.BearerActorResolver;
import dev.switchboard.api.web.RequestIdFilter;
import dev.switchboard.api.web.RequestSizeLimitFilter;
import dev.switchboard.tenant.TenantService;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class WebWiring implements WebMvcConfigurer {
  private final TokenService tokens;
  private final AdminKey adminKey;
  private final ApiKeyService apiKeys;
  private final TenantService tenants;
  private final OperatorSessions operatorSessions;
  private final AuditLog audit;

  WebWiring(
      TokenService tokens,
      AdminKey adminKey,
      ApiKeyService apiKeys,
      TenantService tenants,
      OperatorSessions operatorSessions,
      AuditLog audit) {
    this.tokens = tokens;
    this.adminKey = adminKey;
    this.apiKeys = apiKeys;
    this.tenants = tenants;
    this.operatorSessions = operatorSessions;
    this.audit = audit;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new BearerActorResolver(tokens));
    resolvers.add(new NsCallerResolver(tokens, apiKeys, tenants));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AdminKeyInterceptor(adminKey, operatorSessions))
        .addPathPatterns("/admin/**");
    registry.addInterceptor(new AuditInterceptor(audit, tenants)).addPathPatterns("/admin/**");
  }

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }

  @Bean
  FilterRegistrationBean<BrowserPageHeaders> browserPageHeaders() {
    FilterRegistrationBean<BrowserPageHeaders> bean =
        new FilterRegistrationBean<>(new BrowserPageHeaders());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return bean;
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      SwitchboardProperties properties) {
    FilterRegistrationBean<RequestSizeLimitFilter> bean =
        new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(properties.maxRequestSize().toBytes()));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return bean;
  }

  /**
   * A JSON number is not a string and a string is not a number: wrong types are refused with a
   * 400 naming the field instead of being silently converted.
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
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
  }
}
