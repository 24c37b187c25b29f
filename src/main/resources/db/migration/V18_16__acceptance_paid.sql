-- GX 第二十三条: 项目初验收通过后，资金实际支付与应支付比例应至少达到95%. The amount paid at
-- acceptance, as the unit reports it with the acceptance (current figures, not the last quarter's
-- filing), is what the 95% check reads.
alter table fm_project_lifecycle add column paid_at_acceptance numeric(16, 2);
