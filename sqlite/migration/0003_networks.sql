-- Transport networks: each dataset's nodes and the directed edges between
-- them. Like every other row, nodes and edges carry the name of their
-- dataset, and their ids are unique across datasets.
--
-- An unknown coordinate or capacity (NaN in the model) is NULL. An edge's
-- owners, states, path and sources are JSON arrays: owners as
-- [{"owner": "...", "share": 0.5}] with a null share when not given, the
-- path as [[lat, lon], ...].

CREATE TABLE network_nodes (
	id       TEXT PRIMARY KEY CHECK (id <> ''),
	dataset  TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	name     TEXT NOT NULL DEFAULT '',
	kind     TEXT NOT NULL CHECK (kind <> ''),
	lat      REAL CHECK (lat BETWEEN -90 AND 90),
	lon      REAL CHECK (lon BETWEEN -180 AND 180),
	state    TEXT NOT NULL DEFAULT '',
	producer TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX network_nodes_dataset ON network_nodes (dataset);

CREATE TABLE network_edges (
	id         TEXT PRIMARY KEY CHECK (id <> ''),
	dataset    TEXT NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
	from_node  TEXT NOT NULL REFERENCES network_nodes (id),
	to_node    TEXT NOT NULL REFERENCES network_nodes (id),
	name       TEXT NOT NULL DEFAULT '',
	kind       TEXT NOT NULL CHECK (kind <> ''),
	commodity  TEXT NOT NULL CHECK (commodity <> ''),
	capacity   REAL CHECK (capacity >= 0),
	status     TEXT NOT NULL CHECK (status <> ''),
	operator   TEXT NOT NULL DEFAULT '',
	owners     TEXT NOT NULL CHECK (json_valid(owners) AND json_type(owners) = 'array'),
	states     TEXT NOT NULL CHECK (json_valid(states) AND json_type(states) = 'array'),
	asset      TEXT NOT NULL DEFAULT '',
	valid_from TEXT,
	valid_to   TEXT,
	path       TEXT NOT NULL CHECK (json_valid(path) AND json_type(path) = 'array'),
	sources    TEXT NOT NULL CHECK (json_valid(sources) AND json_type(sources) = 'array' AND json_array_length(sources) > 0)
) STRICT;

CREATE INDEX network_edges_dataset ON network_edges (dataset);
CREATE INDEX network_edges_commodity ON network_edges (commodity);
CREATE INDEX network_edges_from_node ON network_edges (from_node);
CREATE INDEX network_edges_to_node ON network_edges (to_node);
