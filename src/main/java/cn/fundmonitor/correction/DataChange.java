package cn.fundmonitor.correction;

import java.time.OffsetDateTime;

/** One applied change of one field: the audit trail (MNR 第二十二条). */
public record DataChange(String recordType, String recordKey, String field, String before,
    String after, String requestNo, String requestedBy, String approvedBy, String appliedBy,
    OffsetDateTime appliedAt, String reason) {}
