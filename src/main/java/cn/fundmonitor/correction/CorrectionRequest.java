package cn.fundmonitor.correction;

import java.time.OffsetDateTime;

/** A unit's request to change one field of filed data, with the value it saw and why. */
public record CorrectionRequest(String requestNo, String recordType, String recordKey,
    String field, String oldValue, String newValue, String reason, String unitCode,
    String provinceCode, String businessRole, boolean afterTransmission, CorrectionStatus status,
    String reportId, String decidedBy, String decisionReason, String appliedBy,
    String requestedBy, OffsetDateTime requestedAt, String processInstanceId) {}
