-- The initial schema: the tables of package sqlite's 0001_init.sql, in
-- PostgreSQL's types. Every row carries the name of the dataset it came
-- from, so replacing a dataset deletes exactly its rows. Identifiers of
-- actors, sources, relations and facts are unique across datasets.
--
-- Optional references and dates are NULL when absent; dates are stored in
-- the form leverage.Date.String gives ("2019", "2019-03", "2019-03-20").
-- Free text is '' when absent. Identifiers and names are in the "C"
-- collation, so that they sort byte by byte, as Go and SQLite sort them,
-- whatever the database's locale.
--
-- The small tables keep their references as foreign keys. The large ones,
-- facts and fact_sources here (and observations and influence), have none:
-- a foreign key is checked row by row, which would make bulk writes many
-- times slower, and Citus could not enforce some of them across shards.
-- The store enforces those references itself: writers take a lock, one at
-- a time, and before a replace commits it checks that no fact of another
-- dataset refers to an actor, relation or source the replace removed;
-- AddFacts checks its facts against what is stored under the same lock.
--
-- Ready for Citus (docs/deploy.md): facts and fact_sources are to be
-- distributed by fact id, colocated, and the other tables made reference
-- tables; every primary key of a distributed table holds its distribution
-- column.

CREATE TABLE datasets (
	name      text COLLATE "C" PRIMARY KEY CHECK (name <> ''),
	version   text NOT NULL,
	loaded_at timestamptz NOT NULL
);

CREATE TABLE sources (
	id        text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	dataset   text COLLATE "C" NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	kind      text NOT NULL,
	title     text NOT NULL CHECK (title <> ''),
	publisher text NOT NULL DEFAULT '',
	url       text NOT NULL DEFAULT '',
	date      text,
	accessed  text,
	note      text NOT NULL DEFAULT ''
);

CREATE INDEX sources_dataset ON sources (dataset);

CREATE TABLE relations (
	id          text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	dataset     text COLLATE "C" NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	channel     text NOT NULL DEFAULT '',
	kind        text NOT NULL,
	object      boolean NOT NULL,
	units       text[] NOT NULL,
	description text NOT NULL
);

CREATE INDEX relations_dataset ON relations (dataset);

CREATE TABLE actors (
	id      text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	dataset text COLLATE "C" NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	kind    text NOT NULL,
	name    text NOT NULL CHECK (name <> ''),
	iso3    text NOT NULL DEFAULT '',
	cow     integer NOT NULL DEFAULT 0 CHECK (cow >= 0),
	note    text NOT NULL DEFAULT ''
);

CREATE INDEX actors_dataset ON actors (dataset);
CREATE INDEX actors_kind ON actors (kind);

-- names holds Actor.Names; position keeps their order. A name cites a
-- source of its own dataset.
CREATE TABLE names (
	actor      text COLLATE "C" NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
	position   integer NOT NULL,
	dataset    text COLLATE "C" NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	text       text NOT NULL CHECK (text <> ''),
	kind       text NOT NULL,
	valid_from text,
	valid_to   text,
	source     text COLLATE "C" REFERENCES sources (id),
	PRIMARY KEY (actor, position)
);

CREATE INDEX names_dataset ON names (dataset);
CREATE INDEX names_source ON names (source);

-- subject and object name actors, relation a relation, dataset a row of
-- datasets. Distributed by id under Citus.
CREATE TABLE facts (
	id         text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	dataset    text COLLATE "C" NOT NULL,
	subject    text COLLATE "C" NOT NULL,
	relation   text COLLATE "C" NOT NULL,
	object     text COLLATE "C",
	value      double precision,
	text       text NOT NULL DEFAULT '',
	unit       text NOT NULL DEFAULT '',
	valid_from text,
	valid_to   text,
	year       integer CHECK (year BETWEEN 1 AND 9999),
	confidence text NOT NULL CHECK (confidence <> ''),
	note       text NOT NULL DEFAULT ''
);

CREATE INDEX facts_dataset ON facts (dataset);
CREATE INDEX facts_subject ON facts (subject);
CREATE INDEX facts_object ON facts (object);
CREATE INDEX facts_relation ON facts (relation);

-- fact_sources holds Fact.Sources; position keeps their order. fact_id
-- names a fact of the same dataset, source_id a source. Distributed by
-- fact_id under Citus, colocated with facts.
CREATE TABLE fact_sources (
	fact_id   text COLLATE "C" NOT NULL,
	position  integer NOT NULL,
	dataset   text COLLATE "C" NOT NULL,
	source_id text COLLATE "C" NOT NULL,
	PRIMARY KEY (fact_id, position)
);

CREATE INDEX fact_sources_dataset ON fact_sources (dataset);
CREATE INDEX fact_sources_source_id ON fact_sources (source_id);
