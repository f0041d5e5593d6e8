package server

import "github.com/leverage-dev/leverage/assess"

// RouteInfo is a route as the tests see it.
type RouteInfo struct {
	Method, Path string
	Params       []string
}

// Routes lists s's API routes.
func Routes(s *Server) []RouteInfo {
	var out []RouteInfo
	for _, rt := range s.routes {
		out = append(out, RouteInfo{rt.Method, rt.Path, rt.Params})
	}
	return out
}

// DropAnswers forgets the kept answers but not the models.
func (s *Server) DropAnswers() {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	s.cache.answers, s.cache.answered = map[string][]byte{}, 0
}

// DropModels forgets the kept answers and models but not the rows they
// are built from.
func (s *Server) DropModels() {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	s.cache.answers, s.cache.answered = map[string][]byte{}, 0
	s.cache.models = map[string]*assess.Model{}
}

// CachedAnswers returns how many answers are kept.
func (s *Server) CachedAnswers() int {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	return len(s.cache.answers)
}
