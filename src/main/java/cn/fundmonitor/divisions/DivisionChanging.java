package cn.fundmonitor.divisions;

/**
 * A county is about to be renamed or merged (MNR 第十七条): published inside the change's
 * transaction after the change was validated and authorised, before anything is written. A feature
 * whose open work cannot follow the old code to the new one refuses the change by throwing
 * {@link cn.fundmonitor.common.ConflictException} with a Chinese message saying what to finish first.
 */
public record DivisionChanging(String fromCode, String fromName, String toCode, String toName,
    DivisionChangeKind kind) {}
