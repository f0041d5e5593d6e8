-- The initial schema. Every row carries the name of the dataset it came
-- from, so replacing a dataset deletes exactly its rows. Identifiers of
-- actors, sources, relations and facts are unique across datasets.
--
-- Optional references and dates are NULL when absent; dates are stored in
-- the form leverage.Date.String gives ("2019", "2019-03", "2019-03-20").
-- Free text is '' when absent.

CREATE TABLE datasets (
	name      TEXT PRIMARY KEY CHECK (name <> ''),
	version   TEXT NOT NULL,
	loaded_at TEXT NOT NULL -- RFC 3339, UTC
) STRICT;

CREATE TABLE sources (
	id        TEXT PRIMARY KEY CHECK (id <> ''),
	dataset   TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	kind      TEXT NOT NULL,
	title     TEXT NOT NULL CHECK (title <> ''),
	publisher TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	date      TEXT,
	accessed  TEXT,
	note      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX sources_dataset ON sources (dataset);

CREATE TABLE relations (
	id          TEXT PRIMARY KEY CHECK (id <> ''),
	dataset     TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	channel     TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL,
	object      INTEGER NOT NULL CHECK (object IN (0, 1)),
	units       TEXT NOT NULL CHECK (json_valid(units) AND json_type(units) = 'array'),
	description TEXT NOT NULL
) STRICT;

CREATE INDEX relations_dataset ON relations (dataset);

CREATE TABLE actors (
	id      TEXT PRIMARY KEY CHECK (id <> ''),
	dataset TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	kind    TEXT NOT NULL,
	name    TEXT NOT NULL CHECK (name <> ''),
	iso3    TEXT NOT NULL DEFAULT '',
	cow     INTEGER NOT NULL DEFAULT 0 CHECK (cow >= 0),
	note    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX actors_dataset ON actors (dataset);
CREATE INDEX actors_kind ON actors (kind);

-- names holds Actor.Names; position keeps their order.
CREATE TABLE names (
	actor      TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	dataset    TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	text       TEXT NOT NULL CHECK (text <> ''),
	kind       TEXT NOT NULL,
	valid_from TEXT,
	valid_to   TEXT,
	source     TEXT REFERENCES sources (id),
	PRIMARY KEY (actor, position)
) STRICT;

CREATE INDEX names_dataset ON names (dataset);
CREATE INDEX names_source ON names (source);

CREATE TABLE facts (
	id         TEXT PRIMARY KEY CHECK (id <> ''),
	dataset    TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	subject    TEXT NOT NULL REFERENCES actors (id),
	relation   TEXT NOT NULL REFERENCES relations (id),
	object     TEXT REFERENCES actors (id),
	value      REAL,
	text       TEXT NOT NULL DEFAULT '',
	unit       TEXT NOT NULL DEFAULT '',
	valid_from TEXT,
	valid_to   TEXT,
	year       INTEGER CHECK (year BETWEEN 1 AND 9999),
	confidence TEXT NOT NULL CHECK (confidence <> ''),
	note       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX facts_dataset ON facts (dataset);
CREATE INDEX facts_subject ON facts (subject);
CREATE INDEX facts_object ON facts (object);
CREATE INDEX facts_relation ON facts (relation);

-- fact_sources holds Fact.Sources; position keeps their order.
CREATE TABLE fact_sources (
	fact_id   TEXT NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	dataset   TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	source_id TEXT NOT NULL REFERENCES sources (id),
	PRIMARY KEY (fact_id, position)
) STRICT;

CREATE INDEX fact_sources_dataset ON fact_sources (dataset);
CREATE INDEX fact_sources_source_id ON fact_sources (source_id);
