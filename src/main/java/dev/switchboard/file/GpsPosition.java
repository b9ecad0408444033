package dev.switchboard.file;

import java.util.Locale;

/** Where a photo was taken, in decimal degrees (WGS 84). Stored as {@code "lat,lon"}. */
public record GpsPosition(double latitude, double longitude) {
  public String text() {
    return String.format(Locale.ROOT, "%.7f,%.7f", latitude, longitude);
  }

  public static GpsPosition parse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(",", 2);
    return new GpsPosition(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
  }
}
