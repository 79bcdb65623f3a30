package org.hotline.ticketing.intake;

import java.util.Locale;

/**
 * 附近: whether two reported locations are close enough for their orders to be one case. Citizens
 * give addresses as text ("建新街道人民路23号门口"), so two places are near when they name the same street
 * (the text before the house number, one ending with the other: "人民路" and "建新街道人民路"), or when both
 * carry coordinates within {@value #NEAR_METRES} m. A suggestion for the agent, who decides: a
 * false "near" costs a glance, a missed duplicate costs a second dispatch.
 */
public final class NearbyPlaces {

  /** Coordinates closer than this are the same spot for a citizen's report. */
  public static final double NEAR_METRES = 300;

  /** A street name shorter than this ("路", "1号") says nothing about where it is. */
  private static final int MIN_STREET = 3;

  private static final double EARTH_METRES = 6_371_000;

  private NearbyPlaces() {}

  /** True when the two places are near by coordinates (both given) or by street. */
  public static boolean near(
      String a, Double latA, Double lngA, String b, Double latB, Double lngB) {
    if (latA != null && lngA != null && latB != null && lngB != null) {
      return metres(latA, lngA, latB, lngB) <= NEAR_METRES;
    }
    return sameStreet(a, b);
  }

  /** True when both addresses name the same street (or one contains the other whole). */
  public static boolean sameStreet(String a, String b) {
    String na = normal(a);
    String nb = normal(b);
    String sa = street(na);
    String sb = street(nb);
    if (sa.length() < MIN_STREET || sb.length() < MIN_STREET) {
      return false; // "12号" alone, or "路": no place to compare
    }
    return na.contains(nb) || nb.contains(na) || sa.endsWith(sb) || sb.endsWith(sa);
  }

  /** The part of an address before its first digit: "建新街道人民路23号" → "建新街道人民路". */
  static String street(String normalised) {
    for (int i = 0; i < normalised.length(); i++) {
      if (Character.isDigit(normalised.charAt(i))) {
        return normalised.substring(0, i);
      }
    }
    return normalised;
  }

  /** Without spaces and punctuation, full-width digits as ASCII, lower case. */
  static String normal(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (c >= '０' && c <= '９') {
                b.append((char) ('0' + (c - '０')));
              } else if (Character.isLetterOrDigit(c)) {
                b.appendCodePoint(c);
              }
            });
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Great-circle distance (haversine), plenty exact for a few hundred metres. */
  static double metres(double lat1, double lng1, double lat2, double lng2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLng = Math.toRadians(lng2 - lng1);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLng / 2)
                * Math.sin(dLng / 2);
    return 2 * EARTH_METRES * Math.asin(Math.sqrt(h));
  }
}
