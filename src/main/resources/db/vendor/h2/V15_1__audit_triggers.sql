-- The audit trail's triggers on the embedded H2 (demo and tests): Java triggers doing what the
-- PostgreSQL ones do (db/vendor/postgresql/V15_1), so both behave alike. H2 has one user and no
-- roles: rows are refused unless the audit triggers write them, updates and deletes are refused,
-- and TRUNCATE is refused because a table references fm_audit. Rows are sealed into the hash
-- chain when the audit is next read (AuditChain.seal), H2 having no commit trigger.
create unique index fm_audit_chain on fm_audit (chain_no);

create table fm_audit_anchor (
  audit_id bigint references fm_audit (id)
);

create trigger fm_audit_guard before insert, update, delete on fm_audit
  for each row call 'cn.fundmonitor.audit.H2AuditGuardTrigger';

create trigger fm_audit_quarterly_filing after insert, update, delete on fm_quarterly_filing
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_filing_payment after insert, update, delete on fm_filing_payment
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_filing_indicator after insert, update, delete on fm_filing_indicator
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_allocation after insert, update, delete on fm_allocation
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_allocation_target after insert, update, delete on fm_allocation_target
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_allocation_part after insert, update, delete on fm_allocation_part
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_allocation_line after insert, update, delete on fm_allocation_line
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_decomposed_target after insert, update, delete on fm_decomposed_target
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_problem after insert, update, delete on fm_problem
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_correction_request after insert, update, delete on fm_correction_request
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_correction_report after insert, update, delete on fm_correction_report
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
create trigger fm_audit_data_change after insert, update, delete on fm_data_change
  for each row call 'cn.fundmonitor.audit.H2AuditRowTrigger';
