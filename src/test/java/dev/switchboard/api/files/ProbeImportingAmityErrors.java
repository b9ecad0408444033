package dev.switchboard.api.files;

import dev.switchboard.api.amity.AmityErrors;

/** Breaks a rule on purpose, for ArchitectureProbesTest: one dialect importing another. */
class ProbeImportingAmityErrors {
  AmityErrors errors;
}
