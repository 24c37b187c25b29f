package cn.fundmonitor.allocation;

import java.util.Set;

/**
 * A consented correction changed the money issued to these projects (MNR 第二十二条). Published
 * synchronously inside the correction's transaction: a feature that keeps a copy of the money
 * received (filing/'s open filings) refreshes it in its own handler.
 */
public record ReceivedMoneyCorrected(Set<String> projectCodes) {}
