package dev.switchboard.sms.internal;

import java.time.Duration;

/**
 * How to reach and bind to the SMSC. TON/NPI are the SMPP codes (1/1 = international/E.164).
 * {@link #toString()} hides the password, so the settings can be logged.
 */
public record SmppSettings(
    String host,
    int port,
    String systemId,
    String password,
    String systemType,
    byte sourceTon,
    byte sourceNpi,
    byte destTon,
    byte destNpi,
    Duration enquireLinkInterval,
    Duration reconnectMaxDelay) {

  @Override
  public String toString() {
    return "SmppSettings[host=" + host + ", port=" + port + ", systemId=" + systemId
        + ", password=***, systemType=" + systemType + "]";
  }
}
