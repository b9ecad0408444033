package dev.switchboard.api.web;

import java.io.IOException;

/** Thrown while reading a body that turns out larger than the configured limit. */
public class PayloadTooLarge extends IOException {
  public PayloadTooLarge(long limit) {
    super("Request body exceeds " + limit + " bytes");
  }
}
