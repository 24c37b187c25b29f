-- Every node equal (issue 16): what one node starts, another can answer.

-- Background exports: the job's state and its file, in chunks, so that any node reports progress
-- and serves the download (before: in one node's memory and on its disk, 404 on the other).
-- Kept fundmonitor.exports.keep (a day by default) after they end, then deleted.
create table fm_export_job (
  id          varchar(36)   not null primary key,
  owner_id    varchar(64)   not null,             -- only the user who started it sees it
  file_name   varchar(200)  not null,
  total_rows  bigint        not null,
  written     bigint        not null,
  state       varchar(10)   not null check (state in ('RUNNING', 'DONE', 'FAILED')),
  error       varchar(500),
  size_bytes  bigint,
  node        varchar(200)  not null,             -- where it runs (log lines are there)
  started_at  timestamp with time zone not null,
  alive_at    timestamp with time zone not null,  -- last progress: a job whose node died stops here
  ended_at    timestamp with time zone
);
create index fm_export_job_ended on fm_export_job (ended_at);

create table fm_export_chunk (
  job_id  varchar(36)  not null references fm_export_job (id) on delete cascade,
  seq     int          not null,
  bytes   bytea        not null,
  primary key (job_id, seq)
);

-- Webapp sessions (Tasklist, Cockpit, Admin keep the login in the HTTP session): Spring Session
-- JDBC, so a login survives a switch of node behind the proxy. Spring Session 3.5's own schema
-- (schema-postgresql.sql; bytea is also H2's binary type).
create table SPRING_SESSION (
  PRIMARY_ID            char(36)     not null,
  SESSION_ID            char(36)     not null,
  CREATION_TIME         bigint       not null,
  LAST_ACCESS_TIME      bigint       not null,
  MAX_INACTIVE_INTERVAL int          not null,
  EXPIRY_TIME           bigint       not null,
  PRINCIPAL_NAME        varchar(100),
  constraint SPRING_SESSION_PK primary key (PRIMARY_ID)
);
create unique index SPRING_SESSION_IX1 on SPRING_SESSION (SESSION_ID);
create index SPRING_SESSION_IX2 on SPRING_SESSION (EXPIRY_TIME);
create index SPRING_SESSION_IX3 on SPRING_SESSION (PRINCIPAL_NAME);

create table SPRING_SESSION_ATTRIBUTES (
  SESSION_PRIMARY_ID char(36)     not null,
  ATTRIBUTE_NAME     varchar(200) not null,
  ATTRIBUTE_BYTES    bytea        not null,
  constraint SPRING_SESSION_ATTRIBUTES_PK primary key (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
  constraint SPRING_SESSION_ATTRIBUTES_FK foreign key (SESSION_PRIMARY_ID)
    references SPRING_SESSION (PRIMARY_ID) on delete cascade
);
