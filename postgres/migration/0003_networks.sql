-- Transport networks: each dataset's nodes and the directed edges between
-- them. Like every other row, nodes and edges carry the name of their
-- dataset, and their ids are unique across datasets. Both are reference
-- tables under Citus.
--
-- An unknown coordinate or capacity (NaN in the model) is NULL. An edge's
-- owners are a JSON array [{"owner": "...", "share": 0.5}] with a null
-- share when not given, its path a JSON array [[lat, lon], ...]; its
-- states and sources are arrays of ids.

CREATE TABLE network_nodes (
	id       text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	dataset  text COLLATE "C" NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	name     text NOT NULL DEFAULT '',
	kind     text NOT NULL CHECK (kind <> ''),
	lat      double precision CHECK (lat BETWEEN -90 AND 90),
	lon      double precision CHECK (lon BETWEEN -180 AND 180),
	state    text NOT NULL DEFAULT '',
	producer text NOT NULL DEFAULT ''
);

CREATE INDEX network_nodes_dataset ON network_nodes (dataset);

CREATE TABLE network_edges (
	id         text COLLATE "C" PRIMARY KEY CHECK (id <> ''),
	dataset    text COLLATE "C" NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	from_node  text COLLATE "C" NOT NULL REFERENCES network_nodes (id),
	to_node    text COLLATE "C" NOT NULL REFERENCES network_nodes (id),
	name       text NOT NULL DEFAULT '',
	kind       text NOT NULL CHECK (kind <> ''),
	commodity  text NOT NULL CHECK (commodity <> ''),
	capacity   double precision CHECK (capacity >= 0),
	status     text NOT NULL CHECK (status <> ''),
	operator   text NOT NULL DEFAULT '',
	owners     jsonb NOT NULL CHECK (jsonb_typeof(owners) = 'array'),
	states     text[] NOT NULL,
	asset      text NOT NULL DEFAULT '',
	valid_from text,
	valid_to   text,
	path       jsonb NOT NULL CHECK (jsonb_typeof(path) = 'array'),
	sources    text[] NOT NULL CHECK (cardinality(sources) > 0)
);

CREATE INDEX network_edges_dataset ON network_edges (dataset);
CREATE INDEX network_edges_commodity ON network_edges (commodity);
CREATE INDEX network_edges_from_node ON network_edges (from_node);
CREATE INDEX network_edges_to_node ON network_edges (to_node);
