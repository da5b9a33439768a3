package main

import "testing"

func TestConnOptions(t *testing.T) {
	tests := []struct {
		name         string
		flags        connFlags
		env          map[string]string
		wantAddr     string
		wantPassword string
	}{
		{"defaults", connFlags{}, nil, "127.0.0.1:6379", ""},
		{"environment", connFlags{}, map[string]string{"GOGEARS_ADDR": "h:1", "GOGEARS_PASSWORD": "envpw"}, "h:1", "envpw"},
		{"flags beat environment", connFlags{addr: "f:2", password: "flagpw"}, map[string]string{"GOGEARS_ADDR": "h:1", "GOGEARS_PASSWORD": "envpw"}, "f:2", "flagpw"},
		{"URL password beats environment", connFlags{addr: "redis://:urlpw@u:3/0"}, map[string]string{"GOGEARS_PASSWORD": "envpw"}, "u:3", "urlpw"},
		{"flag beats URL password", connFlags{addr: "redis://:urlpw@u:3/0", password: "flagpw"}, nil, "u:3", "flagpw"},
		{"environment fills a URL without password", connFlags{addr: "redis://u:3"}, map[string]string{"GOGEARS_PASSWORD": "envpw"}, "u:3", "envpw"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &env{getenv: func(k string) string { return tt.env[k] }}
			opts, err := tt.flags.options(e)
			if err != nil {
				t.Fatal(err)
			}
			if opts.Addr != tt.wantAddr || opts.Password != tt.wantPassword {
				t.Errorf("options(%+v) = addr %q password %q, want %q %q", tt.flags, opts.Addr, opts.Password, tt.wantAddr, tt.wantPassword)
			}
		})
	}
	bad := connFlags{addr: "redis://[bad"}
	if _, err := bad.options(&env{getenv: func(string) string { return "" }}); err == nil {
		t.Errorf("options(%q) succeeded, want an error naming the URL form", bad.addr)
	}
}
