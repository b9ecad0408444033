package dev.switchboard.api.allmine;

import dev.switchboard.api.allmine.AllmineDtos.CreditTransferRequest;
import dev.switchboard.api.allmine.AllmineDtos.TransferResultView;
import dev.switchboard.api.web.JsonAmounts;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Violations;
import dev.switchboard.wallet.CreditTransfer;
import dev.switchboard.wallet.WalletService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Allmine messages")
@SecurityRequirement(name = "bearerToken")
class AllmineCreditController {
  private final WalletService wallets;
  private final Clock clock;

  AllmineCreditController(WalletService wallets, Clock clock) {
    this.wallets = wallets;
    this.clock = clock;
  }

  @PostMapping("/api/v1/messages/credit-transfer")
  @Operation(summary = "Send a credit transfer message")
  @ApiResponse(responseCode = "201", description = "Transferred (or the replay of an earlier transfer with the same Idempotency-Key)")
  ResponseEntity<AllmineEnvelope<TransferResultView>> transfer(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody CreditTransferRequest body) {
    new Violations().notBlank("recipientId", body.recipientId()).throwIfAny();
    long amount = JsonAmounts.positiveInteger(body.amount(), "amount");
    CreditTransfer t =
        wallets.transfer(actor, body.recipientId(), amount, idempotencyKey).transfer();
    TransferResultView view =
        new TransferResultView(
            actor.userId(), body.recipientId(), t.amount(), t.fromBalanceAfter(), t.toBalanceAfter());
    return ResponseEntity.status(HttpStatus.CREATED).body(AllmineEnvelope.ok(201, view, clock.instant()));
  }
}
