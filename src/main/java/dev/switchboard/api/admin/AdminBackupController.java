package dev.switchboard.api.admin;

import dev.switchboard.backup.Backup;
import dev.switchboard.backup.BackupService;
import dev.switchboard.shared.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Online backups of the embedded database (docs/operations.md, "Backup and restore"). */
@RestController
@Tag(name = "Admin", description = "Operator API; Authorization: Bearer <admin key>")
@SecurityRequirement(name = "adminKey")
class AdminBackupController {
  record BackupView(String file, long bytes, String createdAt) {}

  private final BackupService backups;

  AdminBackupController(BackupService backups) {
    this.backups = backups;
  }

  @PostMapping("/admin/v1/backups")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Back up the embedded H2 database into <data dir>/backups while serving"
      + " (409 on PostgreSQL: use pg_dump)")
  BackupView create() {
    Backup backup = backups.create();
    return new BackupView(backup.file().toAbsolutePath().toString(), backup.bytes(),
        Timestamps.iso(backup.createdAt()));
  }
}
