package query

import (
	"context"
	"fmt"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/influence/panel"
)

// LoadBuiltin brings the built-in data in st up to date: the built-in
// dataset when st lacks it or holds another version, and the built-in
// subset of the open index panel when st holds no open panel or an older
// built-in one (never over a panel built by "leverage index build"). Each
// is written in one transaction. now is the stored panel's build time.
func LoadBuiltin(ctx context.Context, st leverage.Store, now time.Time) error {
	ds, err := data.Builtin()
	if err != nil {
		return fmt.Errorf("built-in dataset: %w", err)
	}
	v, err := st.DatasetVersion(ctx, ds.Name)
	if err != nil {
		return err
	}
	if v != ds.Version {
		if err := st.ReplaceDataset(ctx, ds); err != nil {
			return fmt.Errorf("load built-in dataset: %w", err)
		}
	}
	if _, err := panel.StoreBuiltin(ctx, st, data.OpenPanel(), "data/"+data.OpenPanelFile, now); err != nil {
		return fmt.Errorf("load built-in index panel: %w", err)
	}
	return nil
}
