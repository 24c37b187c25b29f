-- The audit trail's triggers on PostgreSQL (issue 13). The functions belong to the role that runs
-- Flyway (the owner, FM_DB_MIGRATION_USER); the data triggers are SECURITY DEFINER, so the
-- application's role (FM_DB_USER), which may only read fm_audit (afterMigrate grants), still
-- writes its audit rows through them, and cannot update, delete, truncate or disable anything here.

-- the chain's order; partial, so that the head is found at once: a sealed row's earlier, unsealed
-- version stays in a full index as a dead null entry until vacuum, and a backward scan for the
-- head would step over all of them (2 ms per audited change after 47,000 rows, measured)
create unique index fm_audit_chain on fm_audit (chain_no) where chain_no is not null;

-- one field of the hashed text: N for null, else its length and itself (no separator ambiguity);
-- AuditChain.field in Java computes the same
create or replace function fm_audit_field(x text) returns text language sql immutable as $$
  select case when x is null then 'N;' else 'L' || length(x) || ':' || x || ';' end
$$;

-- SHA-256 of the previous row's hash and this row; AuditChain.hash in Java computes the same.
-- PL/pgSQL, not SQL: its plan is kept for the session, where an SQL function called from PL/pgSQL
-- is planned again at every call
create or replace function fm_audit_hash(prev text, a fm_audit) returns text language plpgsql
stable as $$
begin
  return encode(sha256(convert_to(coalesce(prev, '') || '|'
    || fm_audit_field(a.chain_no::text) || fm_audit_field(a.id::text)
    || fm_audit_field(a.table_name) || fm_audit_field(a.row_key) || fm_audit_field(a.operation::text)
    || fm_audit_field(a.project_code) || fm_audit_field(a.unit_code)
    || fm_audit_field(a.old_values) || fm_audit_field(a.new_values) || fm_audit_field(a.db_user)
    || fm_audit_field(((extract(epoch from a.changed_at) * 1000000)::bigint)::text), 'UTF8')), 'hex');
end
$$;

-- one audit row per changed row: its key (the trigger's arguments name the key columns), the
-- project and unit it belongs to (what /api/audit filters and checks jurisdiction on), before and
-- after as JSON, the database user of the session and the transaction's time
create or replace function fm_audit_row() returns trigger language plpgsql security definer
set search_path from current as $$
declare
  v jsonb;
  k text := '';
  p text;
  u text;
begin
  if tg_op = 'UPDATE' and old is not distinct from new then
    return null;
  end if;
  v := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  for i in 0 .. tg_nargs - 1 loop
    k := k || case when i > 0 then '/' else '' end || coalesce(v ->> tg_argv[i], '');
  end loop;
  case tg_table_name
    when 'fm_quarterly_filing' then
      p := v ->> 'project_code';
      select region_code into u from fm_project where code = p;
    when 'fm_filing_payment', 'fm_filing_indicator' then
      select f.project_code, pr.region_code into p, u from fm_quarterly_filing f
        join fm_project pr on pr.code = f.project_code where f.business_key = v ->> 'business_key';
    when 'fm_allocation', 'fm_correction_report' then
      u := v ->> 'province_code';
    when 'fm_allocation_target' then
      select province_code into u from fm_allocation where document_no = v ->> 'document_no';
    when 'fm_allocation_part' then
      u := v ->> 'recipient_code';
    when 'fm_allocation_line' then
      p := v ->> 'project_code';
      u := v ->> 'recipient_code';
    when 'fm_decomposed_target' then
      u := v ->> 'recipient_code';
      if v ->> 'stage' = 'REFINEMENT' then
        p := v ->> 'unit_code';
      end if;
    when 'fm_problem' then
      p := v ->> 'project_code';
      u := v ->> 'unit_code';
    when 'fm_correction_request' then
      u := v ->> 'unit_code';
    when 'fm_data_change' then
      select unit_code into u from fm_correction_request where request_no = v ->> 'request_no';
    else
      null;
  end case;
  insert into fm_audit (table_name, row_key, operation, project_code, unit_code, old_values,
      new_values, db_user, changed_at)
    values (tg_table_name, k, left(tg_op, 1), p, trim(u),
      case when tg_op <> 'INSERT' then to_jsonb(old)::text end,
      case when tg_op <> 'DELETE' then to_jsonb(new)::text end,
      session_user, now());
  return null;
end
$$;

-- links a committed audit row into the chain, at commit (a deferred constraint trigger): one
-- transaction at a time (an advisory lock held for the few statements up to the commit), in commit
-- order, so concurrent writers never read the same head
create or replace function fm_audit_seal() returns trigger language plpgsql security definer
set search_path from current as $$
declare
  head fm_audit;
  me fm_audit;
begin
  perform pg_advisory_xact_lock(1513001500);
  select * into me from fm_audit where id = new.id;
  if me.row_hash is not null then
    return null;
  end if;
  select * into head from fm_audit where chain_no is not null order by chain_no desc limit 1;
  me.chain_no := coalesce(head.chain_no, 0) + 1;
  me.prev_hash := coalesce(head.row_hash, '');
  me.row_hash := fm_audit_hash(me.prev_hash, me);
  update fm_audit set chain_no = me.chain_no, prev_hash = me.prev_hash, row_hash = me.row_hash
    where id = me.id;
  return null;
end
$$;

-- nobody changes or removes an audit row, the owner included; only sealing (filling chain_no and
-- the hashes of a row not sealed yet, nothing else) passes
create or replace function fm_audit_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if old.row_hash is null and new.row_hash is not null
        and (old.id, old.table_name, old.row_key, old.operation, old.project_code, old.unit_code,
             old.old_values, old.new_values, old.db_user, old.changed_at)
          is not distinct from
            (new.id, new.table_name, new.row_key, new.operation, new.project_code, new.unit_code,
             new.old_values, new.new_values, new.db_user, new.changed_at) then
      return new;
    end if;
  end if;
  raise exception '审计记录只能由数据库追加，不能修改、删除或清空（%）', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger fm_audit_guard_rows before update or delete on fm_audit
  for each row execute function fm_audit_guard();
create trigger fm_audit_guard_truncate before truncate on fm_audit
  for each statement execute function fm_audit_guard();
create constraint trigger fm_audit_seal after insert on fm_audit
  deferrable initially deferred for each row execute function fm_audit_seal();

create trigger fm_audit_quarterly_filing after insert or update or delete on fm_quarterly_filing
  for each row execute function fm_audit_row('business_key');
create trigger fm_audit_filing_payment after insert or update or delete on fm_filing_payment
  for each row execute function fm_audit_row('business_key', 'fund_source');
create trigger fm_audit_filing_indicator after insert or update or delete on fm_filing_indicator
  for each row execute function fm_audit_row('business_key', 'position');
create trigger fm_audit_allocation after insert or update or delete on fm_allocation
  for each row execute function fm_audit_row('document_no');
create trigger fm_audit_allocation_target after insert or update or delete on fm_allocation_target
  for each row execute function fm_audit_row('document_no', 'position');
create trigger fm_audit_allocation_part after insert or update or delete on fm_allocation_part
  for each row execute function fm_audit_row('document_no', 'recipient_code');
create trigger fm_audit_allocation_line after insert or update or delete on fm_allocation_line
  for each row execute function fm_audit_row('document_no', 'stage', 'recipient_code', 'project_code');
create trigger fm_audit_decomposed_target after insert or update or delete on fm_decomposed_target
  for each row execute function fm_audit_row('document_no', 'stage', 'unit_code', 'position');
create trigger fm_audit_problem after insert or update or delete on fm_problem
  for each row execute function fm_audit_row('problem_no');
create trigger fm_audit_correction_request after insert or update or delete on fm_correction_request
  for each row execute function fm_audit_row('request_no');
create trigger fm_audit_correction_report after insert or update or delete on fm_correction_report
  for each row execute function fm_audit_row('report_id');
create trigger fm_audit_data_change after insert or update or delete on fm_data_change
  for each row execute function fm_audit_row('id');

-- the application's role gets SELECT only (afterMigrate); nobody else anything
revoke all on fm_audit from public;
