package dev.switchboard.api.admin;

import dev.switchboard.operator.AuditLog;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes one audit entry per call of an {@link Audited} endpoint once its outcome is known:
 * who (the operator the admin check recorded), what (action, target from the path, details the
 * controller added, the HTTP status), when, and from where (the client address, as the
 * servlet container sees it: behind a proxy, set {@code server.forward-headers-strategy}).
 */
public class AuditInterceptor implements HandlerInterceptor {
  private static final String DETAILS = "switchboard.audit.details";
  private static final String TENANT = "switchboard.audit.tenant";
  /** Path variables that name what was acted on, in the order they are shown. */
  private static final List<String> TARGETS =
      List.of("userId", "keyId", "conversationId", "messageId", "number", "entryId");

  private final AuditLog audit;
  private final TenantService tenants;

  public AuditInterceptor(AuditLog audit, TenantService tenants) {
    this.audit = audit;
    this.tenants = tenants;
  }

  /** Adds a detail to the audit entry of the current request ("amount=100"). */
  public static void detail(HttpServletRequest request, String detail) {
    @SuppressWarnings("unchecked")
    List<String> details = (List<String>) request.getAttribute(DETAILS);
    if (details == null) {
      details = new ArrayList<>();
      request.setAttribute(DETAILS, details);
    }
    details.add(detail);
  }

  /** Names the domain acted on when the path cannot (a domain created or deleted). */
  public static void domain(HttpServletRequest request, Tenant tenant) {
    request.setAttribute(TENANT, tenant);
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!(handler instanceof HandlerMethod method)) {
      return;
    }
    Audited audited = method.getMethodAnnotation(Audited.class);
    Object operator = request.getAttribute(AdminKeyInterceptor.OPERATOR);
    if (audited == null || operator == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> vars =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Map<String, String> path = vars == null ? Map.of() : vars;
    Tenant tenant = (Tenant) request.getAttribute(TENANT);
    if (tenant == null && path.get("domain") != null) {
      tenant = tenants.find(path.get("domain")).orElse(null);
    }
    List<String> target = new ArrayList<>();
    TARGETS.forEach(name -> {
      if (path.get(name) != null) {
        target.add(name + "=" + path.get(name));
      }
    });
    List<String> details = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<String> added = (List<String>) request.getAttribute(DETAILS);
    if (added != null) {
      details.addAll(added);
    }
    details.add("status=" + response.getStatus());
    audit.record(
        new AuditLog.Action(
            operator.toString(),
            audited.value(),
            tenant == null ? null : tenant.id(),
            tenant == null ? path.get("domain") : tenant.name(),
            String.join(" ", target),
            String.join("; ", details),
            request.getRemoteAddr()));
  }
}
