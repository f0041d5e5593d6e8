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
