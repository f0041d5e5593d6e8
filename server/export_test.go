package server

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
	s.cache.answers = map[string][]byte{}
}
