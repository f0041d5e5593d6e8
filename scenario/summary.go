package scenario

// Summary is a scenario in a list: its name, title, horizon and how many
// shocks and uncertain numbers it has.
type Summary struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	Start     string `json:"start"`
	End       string `json:"end"`
	Step      string `json:"step"`
	Shocks    int    `json:"shocks"`
	Uncertain int    `json:"uncertain"` // numbers given as distributions
}

// Summary returns s's summary.
func (s *Scenario) Summary() Summary {
	return Summary{Name: s.Name, Title: s.Title, Start: s.Horizon.Start.String(), End: s.Horizon.End.String(),
		Step: string(s.Horizon.Step), Shocks: len(s.Shocks), Uncertain: len(s.Uncertain())}
}

// BuiltinSummaries returns the summaries of the built-in scenarios, in the
// order of [BuiltinNames].
func BuiltinSummaries() ([]Summary, error) {
	list := []Summary{}
	for _, name := range BuiltinNames() {
		s, err := Builtin(name, nil)
		if err != nil {
			return nil, err
		}
		list = append(list, s.Summary())
	}
	return list, nil
}
