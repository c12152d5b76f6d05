-- Purpose: the warehouse tables (documented in docs/warehouse.md).
-- Grain:   DDL; each table states its own grain below.
-- Params:  none.

-- One row per settings key.
create table settings (
    key varchar primary key,
    value varchar not null,
);

-- One row per organisation unit.
create table organisation (
    org_id varchar primary key,
    name varchar not null,
    type varchar not null,
    parent_id varchar,
    short_name varchar,
    extra map(varchar, varchar),
);

-- One row per goal. level_rank: 1 = vision … 6 = åtagande. is_area: the goal is one of the
-- groups Översikt and the public start page show (a strategic area, or in a model without the
-- område level a goal of the highest level beneath the vision).
create table goals (
    goal_id varchar primary key,
    title varchar not null,
    level varchar not null,
    level_rank integer not null,
    is_area boolean not null,
    valid_from integer,
    valid_to integer,
    description varchar,
    agenda2030 varchar[] not null,
    is_public boolean not null,
    weight double not null,
    extra map(varchar, varchar),
);

-- One row per parent → child link; weight is the child's weight in the parent's roll-up.
create table goal_links (
    parent_id varchar not null,
    child_id varchar not null,
    weight double not null,
    primary key (parent_id, child_id),
);

-- One row per goal and each goal beneath it, however deep (distance = the shortest path);
-- every goal is also its own descendant at distance 0. Roll-ups per strategic area use it to
-- count each goal beneath an area once, even when it feeds several parents.
create table goal_closure (
    ancestor_id varchar not null,
    descendant_id varchar not null,
    distance integer not null,
    primary key (ancestor_id, descendant_id),
);

-- One row per goal and responsible organisation.
create table goal_responsibility (
    goal_id varchar not null,
    org_id varchar not null,
    primary key (goal_id, org_id),
);

-- One row per indicator.
create table indicators (
    indicator_id varchar primary key,
    title varchar not null,
    direction varchar not null,
    unit varchar,
    decimals integer,
    source varchar,
    kolada_kpi varchar,
    description varchar,
    is_public boolean not null,
    extra map(varchar, varchar),
);

-- One row per goal and indicator that measures it.
create table goal_indicators (
    goal_id varchar not null,
    indicator_id varchar not null,
    weight double not null,
    extra map(varchar, varchar),
    primary key (goal_id, indicator_id),
);

-- One row per goal, indicator, period, subject and gender.
create table targets (
    goal_id varchar not null,
    indicator_id varchar not null,
    period varchar not null,
    period_type varchar not null,
    period_end date not null,
    comparator varchar not null,
    value double,
    low double,
    high double,
    tolerance double not null,
    subject varchar not null,
    gender varchar not null,
    extra map(varchar, varchar),
    primary key (goal_id, indicator_id, period, subject, gender),
);

-- One row per indicator, subject, gender and period; value NULL = missing.
-- Stored sorted by (indicator_id, subject, gender, period_end), or in the files' order when
-- the files went straight in (etl/bulk.py; extracts come grouped by indicator), so that
-- DuckDB's zone maps skip almost everything when a page asks for one indicator.
create table outcomes (
    indicator_id varchar not null,
    subject varchar not null,
    gender varchar not null,
    period varchar not null,
    period_type varchar not null,
    period_start date not null,
    period_end date not null,
    value double,
    is_preliminary boolean not null,
    source varchar,
    extra map(varchar, varchar),
    source_path varchar not null,  -- the file the row was read from (load_log.source_path)
);

-- One row per forecast (prognos): a year's value as foreseen at a delår. Never an outcome: the
-- engine does not read it; the Indikator page shows it beside the outcomes.
create table forecasts (
    indicator_id varchar not null,
    subject varchar not null,
    gender varchar not null,
    period varchar not null,
    made_in varchar not null,
    value double not null,
    comment varchar,
    extra map(varchar, varchar),
);

-- One row per outcome series (indicator, subject, gender) and period type: how many outcome rows
-- and values it has. Made from outcomes by the build, so pages that count outcomes read one row
-- per series instead of one per period. Unique by construction (no index to maintain).
create table outcome_series (
    indicator_id varchar not null,
    subject varchar not null,
    gender varchar not null,
    period_type varchar not null,
    row_count bigint not null,
    value_count bigint not null,
);

-- One row per Kolada KPI, area, year and gender, as the latest answer of a Kolada folder
-- (python -m etl kolada fetch) gives it; empty when no Kolada folder was a source.
create table kolada_values (
    kpi varchar not null,
    area varchar not null,
    year bigint not null,
    gender varchar not null,
    value double,
    status varchar,
    member_count bigint,
    fetched_at timestamp,
    revised_from double,
    revised_at timestamp,
    source_path varchar not null,
);

-- One row per Kolada KPI whose metadata a Kolada folder among the sources holds, as its latest
-- answer gives it.
create table kolada_kpis (
    kpi varchar not null,
    title varchar,
    description varchar,
    operating_area varchar,
    perspective varchar,
    is_divided_by_gender boolean,
    publication_date date,
    prel_publication_date date,
    publ_period varchar,
    is_discontinued boolean,
    fetched_at timestamp,
    source_path varchar not null,
);

-- One row per Kolada area (kommun, region/län or riket) whose metadata a Kolada source holds:
-- its id ("0000" riket, "00NN" a län, "NNNN" a kommun), name and Kolada's type (K or L).
create table kolada_areas (
    area varchar not null,
    title varchar not null,
    type varchar,
    source_path varchar not null,
);

-- One row per member of a Kolada municipality group (G…) a Kolada source holds, with the
-- group's Kolada title ("Liknande kommuner, övergripande, Säter, 2024").
create table kolada_group_members (
    group_id varchar not null,
    group_title varchar not null,
    member_id varchar not null,
    source_path varchar not null,
);

-- The model's Kolada peer group (settings kolada_peer_group, else the peer group a Kolada
-- folder was fetched for, else the newest "Liknande kommuner, övergripande, <kommun>, <år>"):
-- one row, or none when no Kolada group source names one.
create table kolada_peer_group (
    group_id varchar not null,
    group_title varchar not null,
    chosen_by varchar not null,  -- setting, fetch or title
);

-- One row per Kolada indicator (an indicator with kolada_kpi) and year with a Kolada value
-- (gender T) for the municipality, riket, its län or a peer: those values, the peers' median,
-- min and max, and the municipality's rank among the peers and place among all kommuner in the
-- indicator's direction, computed by the build from outcomes (queries/warehouse/kolada_comparisons.sql).
create table kolada_comparisons (
    indicator_id varchar not null,
    period varchar not null,
    municipality varchar not null,
    value double,
    riket_value double,
    lan_id varchar not null,
    lan_title varchar,
    lan_value double,
    peer_group_id varchar,
    peer_group_title varchar,
    peer_members integer,
    peer_values integer,
    peer_median double,
    peer_min double,
    peer_max double,
    peers_worse integer,
    peers_equal integer,
    peers_better integer,
    place integer,
    places integer,
    place_band varchar,
    primary key (indicator_id, period),
);

-- One row per goal and period.
create table assessments (
    goal_id varchar not null,
    period varchar not null,
    period_type varchar not null,
    period_end date not null,
    status varchar not null,
    assessed_by varchar,
    analysis varchar,
    actions varchar,
    override_reason varchar,
    assessed_on date,
    extra map(varchar, varchar),
    primary key (goal_id, period),
);

-- One row per period code used anywhere in targets, outcomes or assessments. The engine
-- evaluates the periods that have outcomes or assessments (is_evaluated).
create table periods (
    period varchar primary key,
    period_type varchar not null,
    year integer not null,
    period_start date not null,
    period_end date not null,
    label varchar not null,  -- "2025 tertial 2 (jan–aug)"
    short_label varchar not null,  -- "2025 T2", for an axis
    part_label varchar not null,  -- "T2", "H1", "K3", "maj"; the year for a year
    has_outcomes boolean not null,
    has_assessments boolean not null,
    is_evaluated boolean not null,
);

-- One row per source file and table read by the build (a file that held no known table gets
-- one row with table_name NULL).
create table load_log (
    source_path varchar not null,
    sha256 varchar not null,
    table_name varchar,
    row_count bigint,
    built_at timestamp not null,  -- UTC
    format_version integer not null,
    code_sha256 varchar not null,  -- the code that built the warehouse (etl/incremental.py)
);

-- The status vocabulary (attainment/statuses.csv): one row per status a goal or an indicator
-- can have, best first; the engine reads each status's rank and score here.
create table statuses (
    code varchar primary key,
    rank integer,
    score double,
    label varchar not null,
    phrase varchar not null,
    symbol varchar not null,
    colour varchar not null,
    sort_order integer not null,
    is_goal_status boolean not null,
    not_assessable_reason varchar,
);

-- The organisation types (etl/organisation_types.csv): one row per value of organisation.type,
-- with its Swedish words; is_committee: it sets goals of its own and is one of the Nämnder
-- page's "nämnder" (styrelse, utskott, nämnd, gemensam nämnd, kommunalförbund, bolag).
create table organisation_types (
    type varchar primary key,
    label varchar not null,
    plural varchar not null,
    is_committee boolean not null,
    sort_order integer not null,
    explanation varchar not null,
);

-- The kinds of period (etl/period_types.csv): one row per periods.period_type, with its
-- Swedish word and the letter of its parts (T2, H1, K3).
create table period_types (
    period_type varchar primary key,
    label varchar not null,
    part_prefix varchar,
    sort_order integer not null,
    explanation varchar not null,
);

-- The 17 global goals of Agenda 2030 (etl/agenda2030_goals.csv), by number, with their Swedish
-- names: goals.agenda2030 names them or their targets ("4", "4.1").
create table sdg_goals (
    sdg integer primary key,
    title varchar not null,
);

-- The rule presets (attainment/rule_presets.csv): one row per value of settings.rule_preset.
create table rule_presets (
    preset varchar primary key,
    full_threshold double not null,
    partial_threshold double not null,
    uses_thresholds boolean not null,
);

-- The statuses of an uppdrag or aktivitet (etl/assignment_statuses.csv), in their order;
-- is_closed: the work is over (genomfört, avbrutet), so a passed deadline is no longer flagged.
create table assignment_statuses (
    code varchar primary key,
    label varchar not null,
    symbol varchar not null,
    sort_order integer not null,
    is_closed boolean not null,
    explanation varchar not null,
);

-- One row per särskilt uppdrag or aktivitet. They are not goals: no goal status or count
-- reads these tables.
create table assignments (
    assignment_id varchar primary key,
    title varchar not null,
    kind varchar not null,
    decided_by varchar,
    decided_on date,
    deadline date,
    description varchar,
    is_public boolean not null,
    extra map(varchar, varchar),
);

-- One row per assignment and organisation responsible for carrying it out.
create table assignment_responsibility (
    assignment_id varchar not null,
    org_id varchar not null,
    primary key (assignment_id, org_id),
);

-- One row per assignment and goal it serves.
create table assignment_goals (
    assignment_id varchar not null,
    goal_id varchar not null,
    primary key (assignment_id, goal_id),
);

-- One row per status report: an assignment in a follow-up period, as the sources say it.
create table assignment_status (
    assignment_id varchar not null,
    period varchar not null,
    period_type varchar not null,
    period_end date not null,
    status varchar not null,
    comment varchar,
    reported_on date,
    extra map(varchar, varchar),
    primary key (assignment_id, period),
);

-- One row per assignment and evaluated period from its decision on (every evaluated period
-- when it has no decided_on) or from its first report: the latest report at or before the
-- period's end carries forward (docs/rules.md, "Uppdrag"). status and reported_period are NULL
-- before the first report; deadline_passed: the deadline is before the period's end and the
-- status is not closed.
create table assignment_period_status (
    assignment_id varchar not null,
    period varchar not null,
    period_end date not null,
    status varchar,
    reported_period varchar,
    comment varchar,
    reported_on date,
    is_closed boolean not null,
    deadline_passed boolean not null,
    primary key (assignment_id, period),
);
