package cn.fundmonitor.problems;

/** A problem as a form, a client or monitoring reports it (validated by the service). */
public record RawProblem(Object projectCode, Object kind, Object amount, Object description,
    String source, String sourceRef, String warningLevel) {}
