package cn.fundmonitor.inspection;

/** One thing wrong in the data: which rule, whose unit, about what, in words. */
public record Finding(FindingKind kind, String unitCode, String reference, String description) {}
