package cn.fundmonitor.allocation;

import java.time.OffsetDateTime;

/** One step of an allocation's record: registered, issued, refined, filed, acknowledged... */
public record AllocationEvent(String recipientCode, String action, String actor,
    OffsetDateTime occurredAt, String detail) {}
