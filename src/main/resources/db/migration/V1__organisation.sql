-- Administrative divisions (GB/T 2260 codes): the four levels of natural-resources authorities.
create table fm_division (
  code        char(6)      not null primary key,
  name        varchar(100) not null,
  level       varchar(10)  not null check (level in ('MINISTRY', 'PROVINCE', 'CITY', 'COUNTY')),
  parent_code char(6)      references fm_division (code)
);
create index fm_division_parent on fm_division (parent_code);

-- The demo hierarchy of the foundation issue. Further divisions are loaded the same way
-- (a migration, or the administration of a later issue).
insert into fm_division (code, name, level, parent_code) values
  ('000000', '自然资源部', 'MINISTRY', null),
  ('450000', '广西壮族自治区', 'PROVINCE', '000000'),
  ('450100', '南宁市', 'CITY', '450000'),
  ('450102', '兴宁区', 'COUNTY', '450100'),
  ('450103', '青秀区', 'COUNTY', '450100'),
  ('450300', '桂林市', 'CITY', '450000'),
  ('450321', '阳朔县', 'COUNTY', '450300'),
  ('650000', '新疆维吾尔自治区', 'PROVINCE', '000000'),
  ('652800', '巴音郭楞蒙古自治州', 'CITY', '650000'),
  ('652825', '且末县', 'COUNTY', '652800'),
  ('510000', '四川省', 'PROVINCE', '000000'),
  ('512000', '资阳市', 'CITY', '510000');
