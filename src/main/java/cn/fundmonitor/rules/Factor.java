package cn.fundmonitor.rules;

import java.math.BigDecimal;

/** One allocation factor of GX 第十六条 and its weight, as the DMN {@code allocationFactorWeights} says. */
public record Factor(String code, String label, BigDecimal weight) {}
