package cn.fundmonitor.project;

import java.math.BigDecimal;

/** What the DMN {@code projectEligibility} decides on, computed from a filed application. */
public record EligibilityFacts(String direction, int outputIndicatorCount,
    int benefitIndicatorCount, int qualitativeOutputIndicatorCount, BigDecimal requestedAmountYuan,
    boolean regionInApplicantProvince) {}
