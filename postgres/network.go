package postgres

import (
	"context"
	"fmt"
	"math"

	"github.com/jackc/pgx/v5"

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
	owners := make([][]stake, len(n.Edges))
	for i := range n.Edges {
		owners[i] = make([]stake, len(n.Edges[i].Owners))
		for j, s := range n.Edges[i].Owners {
			owners[i][j].Owner = s.Owner
			if !math.IsNaN(s.Share) {
				owners[i][j].Share = &s.Share
			}
		}
	}
	return db.write(ctx, "replace dataset "+d.Name, func(tx pgx.Tx) error {
		if err := replace(ctx, tx, d); err != nil {
			return err
		}
		label := "dataset " + d.Name
		nodes := copyRows{
			table:   "network_nodes",
			columns: []string{"id", "dataset", "name", "kind", "lat", "lon", "state", "producer"},
			n:       len(n.Nodes),
			row: func(i int, v []any) {
				x := &n.Nodes[i]
				v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] = x.ID, d.Name, x.Name, string(x.Kind), nullFloat(x.Lat), nullFloat(x.Lon), x.State, x.Producer
			},
			item: func(key string) string { return "node " + key },
		}
		edges := copyRows{
			table: "network_edges",
			columns: []string{"id", "dataset", "from_node", "to_node", "name", "kind", "commodity", "capacity", "status",
				"operator", "owners", "states", "asset", "valid_from", "valid_to", "path", "sources"},
			n: len(n.Edges),
			row: func(i int, v []any) {
				e := &n.Edges[i]
				v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8] = e.ID, d.Name, e.From, e.To, e.Name, string(e.Kind), e.Commodity, nullFloat(e.Capacity), string(e.Status)
				v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16] = e.Operator, owners[i], orEmpty(e.States), e.Asset, dateArg(e.Valid.From), dateArg(e.Valid.To), orEmpty(e.Path), e.Sources
			},
			item: func(key string) string { return "edge " + key },
		}
		for _, c := range []copyRows{nodes, edges} {
			if err := c.run(ctx, tx, label); err != nil {
				return err
			}
		}
		return nil
	})
}

// nullFloat is x, or NULL for NaN.
func nullFloat(x float64) any {
	if math.IsNaN(x) {
		return nil
	}
	return x
}

// stake is a Stake as stored: a null share for NaN.
type stake struct {
	Owner string   `json:"owner"`
	Share *float64 `json:"share"`
}

// Network returns the union of the stored networks' nodes and edges
// matching f, ordered by id. Without a filter every node is returned;
// with one, only the nodes the selected edges join. Empty lists read back
// as nil and NULL numbers as NaN.
func (db *DB) Network(ctx context.Context, f leverage.NetworkFilter) (*leverage.Network, error) {
	var w where
	if f.Commodity != "" {
		w.add("commodity = " + w.arg(f.Commodity))
	}
	if len(f.States) > 0 {
		w.add("states && " + w.arg(f.States) + "::text[]")
	}
	filtered := len(w.conds) > 0
	n := &leverage.Network{}
	err := db.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, from_node, to_node, name, kind, commodity, capacity,
			status, operator, owners, states, asset, valid_from, valid_to, path, sources
			FROM network_edges`+w.sql()+` ORDER BY id`, w.args...)
		if err != nil {
			return err
		}
		joined := map[string]bool{}
		err = scanAll(rows, func() error {
			var (
				e        leverage.Edge
				capacity *float64
				stakes   []stake
				from, to *string
			)
			if err := rows.Scan(&e.ID, &e.From, &e.To, &e.Name, &e.Kind, &e.Commodity, &capacity, &e.Status, &e.Operator,
				&stakes, &e.States, &e.Asset, &from, &to, &e.Path, &e.Sources); err != nil {
				return err
			}
			e.Capacity = nanIfNull(capacity)
			if err := parsePeriod(&e.Valid, from, to); err != nil {
				return fmt.Errorf("edge %s: %w", e.ID, err)
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
		rows, err = tx.Query(ctx, `SELECT id, name, kind, lat, lon, state, producer FROM network_nodes ORDER BY id`)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var (
				v        leverage.Node
				lat, lon *float64
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
		return nil, fmt.Errorf("postgres: load network: %w", err)
	}
	return n, nil
}

// nanIfNull is *x, or NaN for NULL.
func nanIfNull(x *float64) float64 {
	if x == nil {
		return math.NaN()
	}
	return *x
}

// nilIfEmpty is s, or nil when it is empty.
func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
