package cn.fundmonitor.lifecycle;

import cn.fundmonitor.money.Yuan;
import java.time.LocalDate;

/** A funded project's life after the money, as recorded. */
public record Lifecycle(String projectCode, LifecycleStatus status, LocalDate startedOn,
    LocalDate implementationDueOn, LocalDate completedOn, LocalDate acceptanceAppliedOn,
    LocalDate acceptedOn, AcceptanceKind acceptanceKind, Yuan retained, LocalDate finalAcceptedOn,
    LocalDate settledOn, Yuan settledAmount, LocalDate finalAccountsOn,
    LocalDate finalAccountsApprovedOn, LocalDate suspendedOn, int suspendedDays, Yuan workDone,
    Yuan leftover, String endedReason, boolean flagged, String flagReason,
    String processInstanceId, Yuan paidAtAcceptance) {}
