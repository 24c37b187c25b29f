-- Data correction covers all data sent upward (MNR 第二十二条): besides quarterly filings, an
-- allocation's issue to one recipient and a recipient's filed refinement, keyed
-- "<批复文号>/<recipient code>" — a 批复文号 holds up to 100 characters, so the key needs 120.
alter table fm_correction_request alter column record_key set data type varchar(120);
alter table fm_data_change alter column record_key set data type varchar(120);
