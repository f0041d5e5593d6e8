-- Imported datasets keep their figures as observations of variables by
-- state (or state pair) and year, keyed by Correlates of War codes; index
-- panels keep one row per directed dyad-year and profile.
--
-- observations and influence are large (millions of rows) and have no
-- foreign keys (see 0001_init.sql): the store writes and deletes the rows
-- with their variable or panel, in one transaction. Ready for Citus
-- (docs/deploy.md): observations are to be distributed by a (the first
-- state) and influence by b (the target, which queries name), and
-- variables and influence_panels made reference tables.

CREATE TABLE variables (
	id          serial PRIMARY KEY,
	name        text COLLATE "C" NOT NULL UNIQUE CHECK (name <> ''),
	dataset     text COLLATE "C" NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	unit        text NOT NULL DEFAULT '',
	dyadic      boolean NOT NULL,
	directed    boolean NOT NULL,
	description text NOT NULL CHECK (description <> ''),
	source      text COLLATE "C" NOT NULL REFERENCES sources (id)
);

CREATE INDEX variables_dataset ON variables (dataset);

-- variable is the id of a row of variables. b is 0 for a monadic variable,
-- year 0 for a timeless one. Distributed by a under Citus.
CREATE TABLE observations (
	variable integer NOT NULL,
	a        integer NOT NULL CHECK (a > 0),
	b        integer NOT NULL CHECK (b >= 0),
	year     integer NOT NULL CHECK (year BETWEEN 0 AND 9999),
	value    double precision NOT NULL,
	PRIMARY KEY (variable, a, b, year)
);

CREATE TABLE influence_panels (
	profile    text COLLATE "C" PRIMARY KEY CHECK (profile <> ''),
	weights    text NOT NULL,
	inputs     text NOT NULL,
	components text[] NOT NULL,
	built_at   text NOT NULL
);

-- Queries name the target (b): its influencers in a year, or one
-- influencer's series. profile names a row of influence_panels; parts holds
-- the component values in the order of the panel's components. Distributed
-- by b under Citus.
CREATE TABLE influence (
	profile    text COLLATE "C" NOT NULL,
	b          integer NOT NULL,
	year       integer NOT NULL,
	a          integer NOT NULL,
	bandwidth  double precision NOT NULL,
	dependence double precision NOT NULL,
	value      double precision NOT NULL,
	parts      double precision[] NOT NULL,
	PRIMARY KEY (profile, b, year, a)
);
