-- Imported datasets keep their figures as observations of variables by
-- state (or state pair) and year, keyed by Correlates of War codes; index
-- panels keep one row per directed dyad-year and profile.

CREATE TABLE variables (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
	dataset     TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	unit        TEXT NOT NULL DEFAULT '',
	dyadic      INTEGER NOT NULL CHECK (dyadic IN (0, 1)),
	directed    INTEGER NOT NULL CHECK (directed IN (0, 1)),
	description TEXT NOT NULL CHECK (description <> ''),
	source      TEXT NOT NULL REFERENCES sources (id)
) STRICT;

CREATE INDEX variables_dataset ON variables (dataset);

-- b is 0 for a monadic variable, year 0 for a timeless one.
CREATE TABLE observations (
	variable INTEGER NOT NULL REFERENCES variables (id) ON DELETE CASCADE,
	a        INTEGER NOT NULL CHECK (a > 0),
	b        INTEGER NOT NULL CHECK (b >= 0),
	year     INTEGER NOT NULL CHECK (year BETWEEN 0 AND 9999),
	value    REAL NOT NULL,
	PRIMARY KEY (variable, a, b, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE influence_panels (
	profile    TEXT PRIMARY KEY CHECK (profile <> ''),
	weights    TEXT NOT NULL,
	inputs     TEXT NOT NULL,
	components TEXT NOT NULL CHECK (json_valid(components) AND json_type(components) = 'array'),
	built_at   TEXT NOT NULL
) STRICT;

-- Queries name the target (b): its influencers in a year, or one
-- influencer's series. parts holds the component values as little-endian float64s, in the order
-- of the panel's components.
CREATE TABLE influence (
	profile    TEXT NOT NULL REFERENCES influence_panels (profile) ON DELETE CASCADE,
	b          INTEGER NOT NULL,
	year       INTEGER NOT NULL,
	a          INTEGER NOT NULL,
	bandwidth  REAL NOT NULL,
	dependence REAL NOT NULL,
	value      REAL NOT NULL,
	parts      BLOB NOT NULL,
	PRIMARY KEY (profile, b, year, a)
) STRICT, WITHOUT ROWID;
