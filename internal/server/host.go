package server

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DNS rebinding: a web page on attacker.example can make its own name
// resolve to 127.0.0.1 and then read this server with the victim's browser,
// because the browser thinks it talks to attacker.example. Every such
// request still carries "Host: attacker.example", so the server answers
// only the Host names it is reachable under and refuses the rest.

// hostPolicy decides which Host headers the server answers.
type hostPolicy struct {
	// any is true when every Host is answered: listening on all
	// interfaces with no --allow-host, or with no address known.
	any bool
	// port is the bound port; a name in names matches with this port or
	// with none.
	port string
	// names are lower-cased host names and IP addresses in canonical form
	// (no brackets).
	names map[string]bool
	// extra are the --allow-host entries: a name matches with any port
	// unless the entry gives one, since a proxy's public port is not ours.
	extra map[string]string // name -> port, "" for any
}

// loopbackNames are the names a browser on this machine uses for a
// loopback listener.
var loopbackNames = []string{"localhost", "127.0.0.1", "::1"}

// newHostPolicy builds the policy for a server configured to listen on
// addr (as the user wrote it, "" when unknown), bound at bound (nil when
// not yet listening), allowing the extra hosts given.
func newHostPolicy(addr string, bound net.Addr, allow []string) (*hostPolicy, error) {
	p := &hostPolicy{names: map[string]bool{}, extra: map[string]string{}}
	for _, a := range allow {
		name, port, err := parseAllowHost(a)
		if err != nil {
			return nil, err
		}
		if old, ok := p.extra[name]; ok && old != port {
			port = "" // the same name with two ports: either port
		}
		p.extra[name] = port
	}
	host, port := "", ""
	known := false
	if addr != "" {
		h, pt, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, fmt.Errorf("listen address %q: %w", addr, err)
		}
		host, port, known = canonHost(h), pt, true
	}
	var boundIP net.IP
	if tcp, ok := bound.(*net.TCPAddr); ok && tcp != nil {
		boundIP = tcp.IP
		port = strconv.Itoa(tcp.Port)
		known = true
		if host == "" && addr == "" {
			host = canonHost(tcp.IP.String())
		}
	}
	p.port = port
	ip := net.ParseIP(host)
	if ip == nil && boundIP != nil && host != "localhost" {
		ip = boundIP // a name: what it resolved to decides loopback or not
	}
	wildcard := host == "" || (ip != nil && ip.IsUnspecified())
	loopback := host == "localhost" || (ip != nil && ip.IsLoopback())
	switch {
	case !known:
		// Serving through ServeHTTP alone (tests, embedding): the address
		// is the embedder's business unless hosts were named.
		p.any = len(p.extra) == 0
	case wildcard:
		// Reachable under any name this machine has; without
		// --allow-host nobody said which, so none is refused. With it,
		// those names and the loopback ones, which a rebinding page
		// cannot send as its own.
		p.any = len(p.extra) == 0
		for _, n := range loopbackNames {
			p.names[n] = true
		}
	case loopback:
		for _, n := range loopbackNames {
			p.names[n] = true
		}
		p.names[host] = true
	default:
		p.names[host] = true
	}
	if boundIP != nil && !boundIP.IsUnspecified() {
		p.names[canonHost(boundIP.String())] = true
	}
	return p, nil
}

// parseAllowHost reads one --allow-host entry: a host name or IP address,
// optionally with a port ("proxy.example.org", "proxy.example.org:8443",
// "[2001:db8::1]").
func parseAllowHost(s string) (name, port string, err error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "/@?# \t") {
		return "", "", fmt.Errorf("allowed host %q: want a host name or address, optionally with :PORT, without a scheme or path", s)
	}
	name, port, ok := splitHost(s)
	if !ok || name == "" {
		return "", "", fmt.Errorf("allowed host %q: want a host name or address, optionally with :PORT", s)
	}
	return name, port, nil
}

// splitHost splits a Host header value into a canonical name and a port
// ("" when none is given); ok is false for a malformed value.
func splitHost(h string) (name, port string, ok bool) {
	if h == "" {
		return "", "", false
	}
	if hn, pt, err := net.SplitHostPort(h); err == nil {
		if pt == "" || strings.Trim(pt, "0123456789") != "" {
			return "", "", false
		}
		return canonHost(hn), pt, hn != ""
	}
	// No port. A bare IPv6 address must come in brackets.
	if strings.HasPrefix(h, "[") {
		if !strings.HasSuffix(h, "]") {
			return "", "", false
		}
		h = h[1 : len(h)-1]
		if net.ParseIP(h) == nil {
			return "", "", false
		}
		return canonHost(h), "", true
	}
	if strings.ContainsAny(h, ":[]") {
		return "", "", false
	}
	return canonHost(h), "", true
}

// canonHost lower-cases a host name, drops the trailing dot of a fully
// qualified name and writes an IP address in its canonical form, so that
// "LOCALHOST.", "[0:0::1]" and "::1" compare as they resolve.
func canonHost(h string) string {
	h = strings.TrimSuffix(strings.ToLower(strings.Trim(h, "[]")), ".")
	if ip := net.ParseIP(h); ip != nil {
		return ip.String()
	}
	return h
}

// allows says whether a request's Host header is one this server answers.
func (p *hostPolicy) allows(host string) bool {
	if p.any {
		return true
	}
	name, port, ok := splitHost(host)
	if !ok {
		return false
	}
	if want, found := p.extra[name]; found && (want == "" || want == port) {
		return true
	}
	return p.names[name] && (port == "" || port == p.port)
}

// checkHost refuses requests whose Host header names another server: the
// answer is 421 Misdirected Request, in plain text for pages and API
// alike, and says nothing of what the store holds.
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := s.hosts.Load(); p != nil && !p.allows(r.Host) {
			// A page rebinding its name may send thousands of these: one
			// log line a second at most, counting those left out.
			n := s.refused.Add(1)
			now := time.Now().UnixNano()
			if last := s.refusedLog.Load(); now-last >= int64(time.Second) && s.refusedLog.CompareAndSwap(last, now) {
				s.log.Warn("refused requests for another host name (DNS rebinding, or a proxy not named with --allow-host)",
					"host", r.Host, "path", r.URL.Path, "remote", r.RemoteAddr, "refused_so_far", n)
			}
			w.Header().Set("Cache-Control", "no-store")
			http.Error(w, "421 misdirected request: this server does not answer to that host name; see sitrep serve --allow-host", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}
