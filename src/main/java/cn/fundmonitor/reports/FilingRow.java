package cn.fundmonitor.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One quarterly filing as an export row, payments by fund source pivoted into columns; 责任人出资
 * (MNR 第二条) comes last, after the columns older exports had, so their positions stay, and
 * 市级下达资金 after it.
 */
record FilingRow(String projectCode, String projectName, String regionCode, String direction,
    String fundClass, int year, int quarter, String status, LocalDate dueOn, BigDecimal received,
    BigDecimal paid, BigDecimal central, BigDecimal provincial, BigDecimal local, BigDecimal social,
    BigDecimal physicalProgress, String warningLevel, String warningReason, String filedBy,
    OffsetDateTime filedAt, BigDecimal responsible, BigDecimal city) {}
