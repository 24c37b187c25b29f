package cn.fundmonitor.allocation;

import cn.fundmonitor.money.Yuan;

/** Money for one project through one recipient, central and provincial shares kept apart. */
public record MoneyLine(String recipientCode, String projectCode, Yuan central, Yuan provincial) {

  public Yuan total() {
    return central.plus(provincial);
  }
}
