package dev.switchboard.api.admin;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsNumberService;
import dev.switchboard.sms.SmsOutbox;
import dev.switchboard.sms.SmsOutboxEntry;
import dev.switchboard.sms.SmsStatus;
import dev.switchboard.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A domain's SMS: its numbers, and the outbox by status, with retry and cancel. */
@RestController
@RequestMapping("/admin/v1/domains/{domain}/sms")
@Tag(name = "Admin")
@SecurityRequirement(name = "adminKey")
class AdminSmsController {
  private final TenantService tenants;
  private final SmsNumberService numbers;
  private final SmsOutbox outbox;

  AdminSmsController(TenantService tenants, SmsNumberService numbers, SmsOutbox outbox) {
    this.tenants = tenants;
    this.numbers = numbers;
    this.outbox = outbox;
  }

  @Schema(name = "AdminSmsNumber")
  record NumberView(
      @Schema(example = "18585550001") String number,
      @Schema(example = "alice", nullable = true) String userId,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt) {
    static NumberView of(SmsNumber n) {
      return new NumberView(n.number(), n.userId(), Timestamps.iso(n.createdAt()));
    }
  }

  @Schema(name = "AdminSmsNumbers")
  record Numbers(List<NumberView> items) {}

  @Schema(name = "AdminSmsOutboxEntry")
  record SmsOutboxEntryView(
      @Schema(example = "6741f0c2a1b2c3d4e5f60718") String id,
      @Schema(example = "6741f0c2a1b2c3d4e5f60719", nullable = true) String messageId,
      @Schema(example = "18585550001") String from,
      @Schema(example = "18585551234") String to,
      @Schema(example = "failed") String status,
      @Schema(example = "3") int attempts,
      @Schema(example = "Carrier refused: invalid destination", nullable = true) String lastError,
      @Schema(example = "2026-11-21T10:31:00.000Z") String nextAttemptAt,
      @Schema(example = "2026-11-21T10:30:00.000Z") String createdAt,
      @Schema(example = "2026-11-21T10:35:00.000Z") String updatedAt) {
    static SmsOutboxEntryView of(SmsOutboxEntry e) {
      return new SmsOutboxEntryView(e.id(), e.messageId(), e.from(), e.to(), e.status().dbValue(),
          e.attempts(), e.lastError(), Timestamps.iso(e.nextAttemptAt()),
          Timestamps.iso(e.createdAt()), Timestamps.iso(e.updatedAt()));
    }
  }

  @GetMapping("/numbers")
  @Operation(summary = "The domain's SMS numbers and who they are assigned to")
  Numbers listNumbers(@PathVariable String domain) {
    return new Numbers(
        numbers.list(tenants.byName(domain).id()).stream().map(NumberView::of).toList());
  }

  @GetMapping("/outbox")
  @Operation(summary = "The domain's outbound SMS, newest first, with attempts and last error")
  AdminPage<SmsOutboxEntryView> listOutbox(
      @PathVariable String domain,
      @Parameter(description = "queued, sending, sent, delivered or failed", example = "failed")
          @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    PageRequest request = new PageRequest(page, limit);
    SmsOutbox.Listing listing =
        outbox.list(tenants.byName(domain).id(), status(status), limit, request.offset());
    return AdminPage.of(listing.entries(), SmsOutboxEntryView::of, page, limit, listing.total());
  }

  @PostMapping("/outbox/{entryId}/retry")
  @Audited("sms.retry")
  @Operation(summary = "Queue a failed SMS again, due now (409 unless it is failed)")
  SmsOutboxEntryView retry(@PathVariable String domain, @PathVariable String entryId) {
    return SmsOutboxEntryView.of(outbox.retry(tenants.byName(domain).id(), entryId));
  }

  @PostMapping("/outbox/{entryId}/cancel")
  @Audited("sms.cancel")
  @Operation(summary = "Cancel a queued SMS: it fails without being sent (409 unless queued)")
  SmsOutboxEntryView cancel(@PathVariable String domain, @PathVariable String entryId) {
    return SmsOutboxEntryView.of(outbox.cancel(tenants.byName(domain).id(), entryId));
  }

  private static SmsStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return SmsStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("status must be one of queued, sending, sent, delivered, failed");
    }
  }
}
