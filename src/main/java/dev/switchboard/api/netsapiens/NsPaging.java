package dev.switchboard.api.netsapiens;

/**
 * NetSapiens list paging: {@code start} counts from 1 as the docs show ({@code start=1} is the
 * first item, the next page of 100 is {@code start=101}); 0 is read as 1.
 */
final class NsPaging {
  private NsPaging() {}

  static long offset(long start) {
    return Math.max(0, start - 1);
  }
}
