package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ScopedAccess;
import dev.switchboard.api.netsapiens.NsDtos.Count;
import dev.switchboard.api.netsapiens.NsDtos.SmsNumberRequest;
import dev.switchboard.api.netsapiens.NsDtos.SmsNumberView;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsNumberService;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMS numbers: a domain's numbers (Office Manager and above), a user's, and every number
 * (Super User). {@code application} "user" assigns the number to {@code dest}, "available"
 * leaves it to the domain; call queues do not exist here.
 */
@RestController
@Tag(name = "NetSapiens SMS numbers", description = "ns-api v2 SMS numbers")
class NsSmsNumberController {
  private final ScopedAccess access;
  private final SmsNumberService numbers;
  private final TenantService tenants;

  NsSmsNumberController(ScopedAccess access, SmsNumberService numbers, TenantService tenants) {
    this.access = access;
    this.numbers = numbers;
    this.tenants = tenants;
  }

  @GetMapping("/ns-api/v2/domains/{domain}/smsnumbers")
  @Operation(summary = "The domain's SMS numbers")
  List<SmsNumberView> list(@Parameter(hidden = true) NsCaller caller, @PathVariable String domain) {
    Tenant tenant = access.manage(caller.actor(), domain);
    return numbers.list(tenant.id()).stream().map(n -> view(n, tenant.name())).toList();
  }

  @PostMapping("/ns-api/v2/domains/{domain}/smsnumbers")
  @Operation(summary = "Add an SMS number to the domain")
  @ApiResponse(responseCode = "202", description = "Accepted: the number as stored")
  ResponseEntity<Map<String, Object>> create(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @RequestBody SmsNumberRequest body) {
    Tenant tenant = access.manage(caller.actor(), domain);
    String number = NsFormat.e164(required(body.number(), "number"), "number");
    SmsNumber created = numbers.create(tenant.id(), number, dest(body));
    // The document's schema says {code, message}, its example shows the number: both are sent.
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(Map.of(
            "code", 202,
            "message", "Accepted",
            "domain", tenant.name(),
            "number", NsFormat.digits(created.number()),
            "application", application(created),
            "dest", created.userId() == null ? "" : created.userId()));
  }

  @PutMapping("/ns-api/v2/domains/{domain}/smsnumbers/{smsnumber}")
  @Operation(summary = "Assign an SMS number to a user, or back to the domain")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> update(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String smsnumber,
      @RequestBody SmsNumberRequest body) {
    Tenant tenant = access.manage(caller.actor(), domain);
    String number = NsFormat.e164(smsnumber, "smsnumber");
    String user = dest(body);
    if (user == null) {
      numbers.unassign(tenant.id(), number);
    } else {
      numbers.assign(tenant.id(), number, user);
    }
    return accepted();
  }

  @DeleteMapping("/ns-api/v2/domains/{domain}/smsnumbers/{smsnumber}")
  @Operation(summary = "Remove an SMS number from the domain")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> delete(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String smsnumber) {
    Tenant tenant = access.manage(caller.actor(), domain);
    numbers.delete(tenant.id(), NsFormat.e164(smsnumber, "smsnumber"));
    return accepted();
  }

  @GetMapping("/ns-api/v2/domains/{domain}/users/{user}/smsnumbers")
  @Operation(summary = "The SMS numbers assigned to a user")
  List<SmsNumberView> forUser(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user) {
    Actor as = access.actAs(caller.actor(), domain, user);
    return numbers.listForUser(as.tenantId(), as.userId()).stream()
        .map(n -> view(n, as.domain()))
        .toList();
  }

  @GetMapping("/ns-api/v2/domains/{domain}/users/{user}/smsnumbers/count")
  @Operation(summary = "How many SMS numbers are assigned to a user")
  Count countForUser(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user) {
    Actor as = access.actAs(caller.actor(), domain, user);
    return new Count(numbers.listForUser(as.tenantId(), as.userId()).size());
  }

  @GetMapping("/ns-api/v2/smsnumbers")
  @Operation(summary = "Every SMS number of every domain (Super User)")
  List<SmsNumberView> all(@Parameter(hidden = true) NsCaller caller) {
    access.requireSuperUser(caller.actor());
    return tenants.list().stream()
        .flatMap(t -> numbers.list(t.id()).stream().map(n -> view(n, t.name())))
        .toList();
  }

  private static String dest(SmsNumberRequest body) {
    String application = required(body.application(), "application");
    return switch (application) {
      case "user" -> required(body.dest(), "dest");
      case "available" -> null;
      default -> throw DomainException.invalid("application must be user or available");
    };
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field + " is required");
    }
    return value;
  }

  private static String application(SmsNumber n) {
    return n.userId() == null ? "available" : "user";
  }

  private static SmsNumberView view(SmsNumber n, String domain) {
    return new SmsNumberView(NsFormat.digits(n.number()), application(n), domain, "",
        n.userId() == null ? "" : n.userId(), false, false);
  }

  private static ResponseEntity<Object> accepted() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(NsDtos.ACCEPTED);
  }
}
