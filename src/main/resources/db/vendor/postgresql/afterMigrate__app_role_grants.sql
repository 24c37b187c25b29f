-- After every migration, when the application connects as its own role (FM_DB_USER) and Flyway
-- as the owner (FM_DB_MIGRATION_USER): the application may read and write the project's tables,
-- but only read the audit trail (its rows come from the owner's SECURITY DEFINER triggers) and
-- the migration history. Nothing happens when both are the same role.
do $$
declare
  app text := '${fm_app_role}';
  s text := current_schema();
begin
  if app = '' or app = current_user then
    return;
  end if;
  if not exists (select 1 from pg_roles where rolname = app) then
    raise warning 'role % does not exist: no grants for the application', app;
    return;
  end if;
  execute format('grant usage on schema %I to %I', s, app);
  -- every table, the engine's included, is created by Flyway as the owner (schema-update: false):
  -- the application creates nothing, and a grant left by an older version is taken back
  execute format('revoke create on schema %I from %I', s, app);
  execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, app);
  execute format('grant usage, select, update on all sequences in schema %I to %I', s, app);
  execute format('revoke all on fm_audit from %I', app);
  execute format('grant select on fm_audit to %I', app);
  execute format('revoke all on fm_schema_history from %I', app);
  execute format('grant select on fm_schema_history to %I', app);
end
$$;
