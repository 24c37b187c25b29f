package cn.fundmonitor.project;

import java.util.Arrays;
import java.util.Optional;

/** How an indicator's actual value is held against its target. */
public enum Comparator {
  GE("≥", ">="),
  LE("≤", "<="),
  EQ("=", "=="),
  QUALITATIVE("定性", "定性");

  private final String symbol;
  private final String ascii;

  Comparator(String symbol, String ascii) {
    this.symbol = symbol;
    this.ascii = ascii;
  }

  public String symbol() {
    return symbol;
  }

  public boolean isQuantified() {
    return this != QUALITATIVE;
  }

  public static Optional<Comparator> parse(String text) {
    return Arrays.stream(values())
        .filter(c -> c.name().equalsIgnoreCase(text) || c.symbol.equals(text) || c.ascii.equals(text))
        .findFirst();
  }
}
