package server

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// tcpAddr parses "IP:PORT" for a bound address.
func tcpAddr(t *testing.T, s string) net.Addr {
	t.Helper()
	a, err := net.ResolveTCPAddr("tcp", s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestHostPolicy(t *testing.T) {
	// Each row is a listen address (as written and as bound) with the
	// --allow-host entries, and the Host headers answered and refused.
	// 192.0.2.0/24 is TEST-NET-1: only parsed, never dialled.
	cases := []struct {
		name, addr, bound string
		allow             []string
		ok, refused       []string
	}{
		{"loopback IPv4", "127.0.0.1:8080", "127.0.0.1:8080", nil,
			[]string{"localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:8080", "[::1]", "[::1]:8080", "LOCALHOST.:8080", "[0:0::1]:8080"},
			[]string{"attacker.example", "attacker.example:8080", "localhost:9090", "127.0.0.1:80", "127.0.0.2:8080", "", "localhost:", "::1",
				"localhost:8080:8080", "[::1", "local host", "192.0.2.10:8080"}},
		{"loopback by name", "localhost:8080", "127.0.0.1:8080", nil,
			[]string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080", "localhost"},
			[]string{"attacker.example:8080", "localhost:8081"}},
		{"loopback IPv6", "[::1]:8080", "[::1]:8080", nil,
			[]string{"[::1]:8080", "localhost:8080", "127.0.0.1"},
			[]string{"attacker.example", "[::2]:8080"}},
		{"loopback with a proxy", "127.0.0.1:8080", "127.0.0.1:8080", []string{"news.example.org", "other.example.org:8443"},
			[]string{"localhost:8080", "news.example.org", "news.example.org:443", "NEWS.example.org.", "other.example.org:8443"},
			[]string{"attacker.example", "other.example.org", "other.example.org:443", "example.org"}},
		{"one address", "192.0.2.10:8080", "192.0.2.10:8080", nil,
			[]string{"192.0.2.10", "192.0.2.10:8080"},
			[]string{"localhost:8080", "127.0.0.1:8080", "attacker.example", "192.0.2.11:8080", "192.0.2.10:9000"}},
		{"one name", "news.example.org:8080", "192.0.2.10:8080", nil,
			[]string{"news.example.org:8080", "news.example.org", "192.0.2.10:8080"},
			[]string{"attacker.example:8080", "localhost:8080", "www.news.example.org:8080"}},
		{"all interfaces", "0.0.0.0:8080", "0.0.0.0:8080", nil,
			[]string{"attacker.example", "localhost:8080", "192.0.2.10:8080", "anything:1"},
			nil},
		{"all interfaces, no host", ":8080", "[::]:8080", nil,
			[]string{"attacker.example:8080", "news.example.org"},
			nil},
		{"all interfaces with --allow-host", "0.0.0.0:8080", "0.0.0.0:8080", []string{"news.example.org"},
			[]string{"news.example.org", "news.example.org:8080", "localhost:8080", "127.0.0.1"},
			[]string{"attacker.example", "attacker.example:8080", "192.0.2.10:8080", "localhost:9999"}},
		{"IPv6 all interfaces with --allow-host", "[::]:8080", "[::]:8080", []string{"[2001:db8::1]"},
			[]string{"[2001:db8::1]:8080", "[2001:DB8:0::1]"},
			[]string{"attacker.example", "[2001:db8::2]:8080"}},
		{"not yet listening, port from the address", "127.0.0.1:8080", "", nil,
			[]string{"localhost:8080", "127.0.0.1"},
			[]string{"localhost:9090", "attacker.example"}},
		{"no address known", "", "", nil,
			[]string{"example.com", "attacker.example:8080"},
			nil},
		{"no address known with --allow-host", "", "", []string{"news.example.org"},
			[]string{"news.example.org:8080"},
			[]string{"example.com", "localhost"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var bound net.Addr
			if c.bound != "" {
				bound = tcpAddr(t, c.bound)
			}
			p, err := newHostPolicy(c.addr, bound, c.allow)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range c.ok {
				if !p.allows(h) {
					t.Errorf("Host %q refused, want answered", h)
				}
			}
			for _, h := range c.refused {
				if p.allows(h) {
					t.Errorf("Host %q answered, want refused", h)
				}
			}
		})
	}
}

func TestAllowHostRejectsNonHosts(t *testing.T) {
	for _, bad := range []string{"", " ", "http://news.example.org", "news.example.org/path", "user@news.example.org", "news.example.org:http", "[::1"} {
		if _, err := New(corpusStore, Options{AllowedHosts: []string{bad}}); err == nil {
			t.Errorf("--allow-host %q accepted", bad)
		}
	}
	if _, err := New(corpusStore, Options{Addr: "no-port"}); err == nil {
		t.Error("listen address without a port accepted")
	}
}

// TestHostCheckOnTheWire serves on a loopback port and sends pages, API
// routes and static files with a foreign Host, as a page that rebound its
// name to 127.0.0.1 would.
func TestHostCheckOnTheWire(t *testing.T) {
	s, err := New(corpusStore, Options{})
	if err != nil {
		t.Fatal(err)
	}
	base := serveOn(t, s)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	cases := []struct {
		path, host string
		status     int
	}{
		{"/", "", 200},
		{"/", "localhost:" + port, 200},
		{"/api/v1/stats", "[::1]:" + port, 200},
		{"/api/v1/stats", "localhost", 200},
		{"/", "attacker.example:" + port, 421},
		{"/api/v1/stats", "attacker.example:" + port, 421},
		{"/api/v1/articles?q=tank", "attacker.example", 421},
		{"/ledger", "attacker.example", 421},
		{"/static/app.css", "attacker.example", 421},
		{"/api/v1/stats", "localhost:1", 421},
	}
	for _, c := range cases {
		req, err := http.NewRequest(http.MethodGet, base+c.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c.host != "" {
			req.Host = c.host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("GET %s with Host %q: status %d, want %d", c.path, c.host, resp.StatusCode, c.status)
			continue
		}
		if c.status != 421 {
			continue
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("GET %s with Host %q: Content-Type %q, want plain text", c.path, c.host, ct)
		}
		if len(body) > 200 || strings.Contains(string(body), "Stinger") || strings.Contains(string(body), "{") {
			t.Errorf("GET %s with Host %q: refusal says too much: %q", c.path, c.host, body)
		}
	}
}

func TestNoDirectoryListings(t *testing.T) {
	s := newTestServer(t)
	cases := []struct {
		target string
		status int
	}{
		{"/static/", 404},
		{"/static/./", 404},
		{"/static//", 404},
		{"/static/index.html", 404},
		{"/static/%2e/", 404},
		{"/static/no-such-file.css", 404},
		{"/static/app.css", 200},
		{"/static/" + typesCSSName, 200},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.target, nil))
		// The mux may first redirect an unclean path; follow it once.
		if loc := rec.Header().Get("Location"); rec.Code/100 == 3 && loc != "" {
			u, err := url.Parse(c.target)
			if err != nil {
				t.Fatal(err)
			}
			next, err := u.Parse(loc)
			if err != nil {
				t.Fatal(err)
			}
			rec = httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, next.String(), nil))
		}
		body := rec.Body.String()
		if rec.Code != c.status {
			t.Errorf("GET %s: status %d, want %d", c.target, rec.Code, c.status)
		}
		if strings.Contains(body, `href="app.js"`) || strings.Contains(body, "favicon.svg</a>") {
			t.Errorf("GET %s: lists the folder: %q", c.target, body)
		}
	}
}
