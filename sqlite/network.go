package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// ReplaceNetwork validates d and n and, in one transaction, replaces
// everything stored under d.Name with d and n. Errors are as for
// ReplaceDataset; an edge citing a source d lacks, or a coordinate that is
// neither NaN nor a valid latitude or longitude, is EINVALID, and a node or
// edge id another dataset holds is ECONFLICT. Whenever it returns an error,
// nothing has changed.
func (db *DB) ReplaceNetwork(ctx context.Context, d *leverage.Dataset, n *leverage.Network) error {
	if err := storecheck.Network(d, n); err != nil {
		return err
	}
	edges, err := encodeEdges(n)
	if err != nil {
		return err
	}
	return db.write(ctx, "replace dataset "+d.Name, func(w *writer) error {
		w.dataset = d.Name
		if err := w.replace(d); err != nil {
			return err
		}
		err := w.insertRows("network_nodes", "(id, dataset, name, kind, lat, lon, state, producer)", 8, len(n.Nodes), nil,
			func(i int, args []any) []any {
				v := &n.Nodes[i]
				return append(args, v.ID, d.Name, v.Name, string(v.Kind), nullFloat(v.Lat), nullFloat(v.Lon), v.State, v.Producer)
			}, func(i int) string { return "node " + n.Nodes[i].ID })
		if err != nil {
			return err
		}
		return w.insertRows("network_edges", `(id, dataset, from_node, to_node, name, kind, commodity, capacity, status,
			operator, owners, states, asset, valid_from, valid_to, path, sources)`, 17, len(n.Edges), nil,
			func(i int, args []any) []any {
				e, x := &n.Edges[i], &edges[i]
				return append(args, e.ID, d.Name, e.From, e.To, e.Name, string(e.Kind), e.Commodity, nullFloat(e.Capacity),
					string(e.Status), e.Operator, x.owners, x.states, e.Asset, dateArg(e.Valid.From), dateArg(e.Valid.To),
					x.path, x.sources)
			}, func(i int) string { return "edge " + n.Edges[i].ID })
	})
}

// nullFloat is x, or NULL for NaN.
func nullFloat(x float64) any {
	if math.IsNaN(x) {
		return nil
	}
	return x
}

// encodedEdge holds the JSON columns of one edge.
type encodedEdge struct {
	owners, states, path, sources string
}

// stake is a Stake as stored: a null share for NaN.
type stake struct {
	Owner string   `json:"owner"`
	Share *float64 `json:"share"`
}

// encodeEdges encodes the list columns of n's edges, which
// storecheck.Network has checked.
func encodeEdges(n *leverage.Network) ([]encodedEdge, error) {
	out := make([]encodedEdge, len(n.Edges))
	for i := range n.Edges {
		e := &n.Edges[i]
		owners := make([]stake, len(e.Owners))
		for j, s := range e.Owners {
			owners[j].Owner = s.Owner
			if !math.IsNaN(s.Share) {
				owners[j].Share = &s.Share
			}
		}
		x := &out[i]
		for _, c := range []struct {
			dst *string
			v   any
		}{{&x.owners, owners}, {&x.states, orEmpty(e.States)}, {&x.path, orEmpty(e.Path)}, {&x.sources, e.Sources}} {
			b, err := json.Marshal(c.v)
			if err != nil {
				return nil, leverage.Errorf(leverage.EINVALID, "edge %s: %v", e.ID, err)
			}
			*c.dst = string(b)
		}
	}
	return out, nil
}

// orEmpty is s, or an empty slice for nil, so that it encodes as [].
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Network returns the union of the stored networks' nodes and edges
// matching f, ordered by id. Without a filter every node is returned;
// with one, only the nodes the selected edges join. Empty lists read back
// as nil and NULL numbers as NaN.
func (db *DB) Network(ctx context.Context, f leverage.NetworkFilter) (*leverage.Network, error) {
	var w where
	if f.Commodity != "" {
		w.add("e.commodity = ?", f.Commodity)
	}
	if len(f.States) > 0 {
		list, args := placeholders(f.States)
		w.add("EXISTS (SELECT 1 FROM json_each(e.states) s WHERE s.value IN "+list+")", args...)
	}
	filtered := len(w.conds) > 0
	n := &leverage.Network{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT e.id, e.from_node, e.to_node, e.name, e.kind, e.commodity, e.capacity,
			e.status, e.operator, e.owners, e.states, e.asset, e.valid_from, e.valid_to, e.path, e.sources
			FROM network_edges e`+w.sql()+` ORDER BY e.id`, w.args...)
		if err != nil {
			return err
		}
		joined := map[string]bool{}
		err = scanAll(rows, func() error {
			var (
				e                             leverage.Edge
				capacity                      sql.NullFloat64
				owners, states, path, sources string
				from, to                      sql.NullString
			)
			if err := rows.Scan(&e.ID, &e.From, &e.To, &e.Name, &e.Kind, &e.Commodity, &capacity, &e.Status, &e.Operator,
				&owners, &states, &e.Asset, &from, &to, &path, &sources); err != nil {
				return err
			}
			e.Capacity = nanIfNull(capacity)
			if err := parsePeriod(&e.Valid, from, to); err != nil {
				return fmt.Errorf("edge %s: %w", e.ID, err)
			}
			var stakes []stake
			for _, c := range []struct {
				src string
				dst any
			}{{owners, &stakes}, {states, &e.States}, {path, &e.Path}, {sources, &e.Sources}} {
				if err := json.Unmarshal([]byte(c.src), c.dst); err != nil {
					return fmt.Errorf("edge %s: %w", e.ID, err)
				}
			}
			for _, s := range stakes {
				share := math.NaN()
				if s.Share != nil {
					share = *s.Share
				}
				e.Owners = append(e.Owners, leverage.Stake{Owner: s.Owner, Share: share})
			}
			e.States, e.Path, e.Sources = nilIfEmpty(e.States), nilIfEmpty(e.Path), nilIfEmpty(e.Sources)
			joined[e.From], joined[e.To] = true, true
			n.Edges = append(n.Edges, e)
			return nil
		})
		if err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, `SELECT id, name, kind, lat, lon, state, producer FROM network_nodes ORDER BY id`)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var (
				v        leverage.Node
				lat, lon sql.NullFloat64
			)
			if err := rows.Scan(&v.ID, &v.Name, &v.Kind, &lat, &lon, &v.State, &v.Producer); err != nil {
				return err
			}
			if filtered && !joined[v.ID] {
				return nil
			}
			v.Lat, v.Lon = nanIfNull(lat), nanIfNull(lon)
			n.Nodes = append(n.Nodes, v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: load network: %w", err)
	}
	return n, nil
}

// nanIfNull is x's value, or NaN for NULL.
func nanIfNull(x sql.NullFloat64) float64 {
	if !x.Valid {
		return math.NaN()
	}
	return x.Float64
}

// nilIfEmpty is s, or nil when it is empty.
func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
