-- Waves (the quarter's filings, MNR 第十一条; the year's self-evaluations, GX 第二十八条): the projects
-- of every batch are fixed when the wave is planned, so money that moves while the wave runs cannot
-- shift one batch's projects into another's (issue 16: 50 of 1,000 filings lost). The wave ends with
-- a reconciliation: every project of the period has exactly one filing; the counts are kept here.
create table fm_wave (
  id                  varchar(64)   not null primary key, -- the wave's process instance id
  kind                varchar(20)   not null check (kind in ('QUARTERLY_FILING', 'SELF_EVALUATION')),
  period              varchar(10)   not null,             -- 2026Q1, or 2026 for the evaluations
  batch_size          int           not null,
  batch_count         int           not null,
  planned_count       int           not null,             -- projects fixed into the batches
  ended_count         int           not null,             -- funded, but their life ended before the period
  planned_at          timestamp with time zone not null,
  opened_count        int,                                -- opened by the batches
  already_open_count  int,                                -- planned, but their filing existed already
  added_count         int,                                -- opened by the reconciliation
  reconciled_at       timestamp with time zone
);
create index fm_wave_period on fm_wave (kind, period);

-- every project of the wave: fixed into its batch at planning (batch_no), or added by the
-- reconciliation (batch_no null)
create table fm_wave_project (
  wave_id      varchar(64)  not null references fm_wave (id),
  project_code varchar(40)  not null,
  batch_no     int,
  primary key (wave_id, project_code)
);
create index fm_wave_project_batch on fm_wave_project (wave_id, batch_no);

-- what each batch did, written in the batch's own transaction (so a retried batch counts once)
create table fm_wave_batch (
  wave_id           varchar(64)  not null references fm_wave (id),
  batch_no          int          not null,
  opened_count      int          not null,
  already_open_count int         not null,
  done_at           timestamp with time zone not null,
  primary key (wave_id, batch_no)
);
