package emulator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// TestConformance runs the public RedisGears documentation examples, in
// our own words, from testdata/conformance, against the emulator over both
// stores, and against a real RedisGears when GOGEARS_REDISGEARS_ADDR names
// one. Each archive holds gear scripts
// and a "steps" file:
//
//	> CMD args     run a command; "@name" is replaced by the named script
//	~> CMD args    poll the command until the reply matches (5s)
//	=~ CMD args    run it and compare the reply with its array sorted
//	= text         the expected reply, printed with fmt.Sprint (errors as text)
func TestConformance(t *testing.T) {
	files, _ := filepath.Glob("testdata/conformance/*.txtar")
	if len(files) == 0 {
		t.Fatal("no conformance cases")
	}
	run := func(t *testing.T, addr string) {
		c := redis.NewClient(&redis.Options{Addr: addr, Protocol: 2})
		defer c.Close()
		for _, f := range files {
			t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				resetEmulator(t, c)
				runSteps(t, c, parseArchive(string(data)))
			})
		}
	}
	forEachStore(t, func(t *testing.T, e *Emulator) { run(t, e.Addr()) })
	// The same suite against a real RedisGears 1.2, when one is named
	// (for example a redislabs/redisgears:1.2.x container). It flushes it.
	if addr := os.Getenv("GOGEARS_REDISGEARS_ADDR"); addr != "" {
		t.Run("redisgears", func(t *testing.T) { run(t, addr) })
	}
}

// resetEmulator empties the store and drops every registration.
func resetEmulator(t *testing.T, c *redis.Client) {
	for _, reg := range mustDo(t, c, "RG.DUMPREGISTRATIONS").([]any) {
		mustDo(t, c, "RG.UNREGISTER", reg.([]any)[1])
	}
	mustDo(t, c, "FLUSHALL")
}

// parseArchive splits a txtar text into its files ("-- name --" headers);
// the comment before the first file is dropped.
func parseArchive(s string) map[string]string {
	files := map[string]string{}
	name := ""
	for _, line := range strings.SplitAfter(s, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			name = trimmed[3 : len(trimmed)-3]
			files[name] = ""
			continue
		}
		if name != "" {
			files[name] += line
		}
	}
	return files
}

func runSteps(t *testing.T, c *redis.Client, files map[string]string) {
	steps := files["steps"]
	lines := strings.Split(strings.TrimSpace(steps), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		op, rest, _ := strings.Cut(line, " ")
		if op != ">" && op != "~>" && op != "=~" {
			t.Fatalf("steps line %d: %q is not a command", i+1, line)
		}
		args := splitArgs(t, rest, files)
		want := ""
		sorted := op == "=~"
		if i+1 < len(lines) && (strings.HasPrefix(lines[i+1], "= ") || strings.HasPrefix(lines[i+1], "=~ ")) {
			i++
			w, _ := strings.CutPrefix(lines[i], "=")
			if strings.HasPrefix(w, "~") {
				sorted, w = true, w[1:]
			}
			want = strings.TrimSpace(w)
		}
		// "~>" steps wait for registrations; the deadline only bounds a
		// hang on a loaded machine.
		deadline := time.Now().Add(time.Minute)
		for {
			got := render(c, args, sorted)
			if got == want || want == "" {
				break
			}
			if op != "~>" || time.Now().After(deadline) {
				t.Fatalf("%s = %s, want %s", rest, got, want)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// splitArgs splits a steps line into arguments, honouring double quotes
// and @script references.
func splitArgs(t *testing.T, s string, files map[string]string) []any {
	var args []any
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		var a string
		if s[0] == '"' {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				t.Fatalf("bad quoting in %q", s)
			}
			a, _ = strconv.Unquote(q)
			s = s[len(q):]
		} else {
			a, s, _ = strings.Cut(s, " ")
			if strings.HasPrefix(a, "@") {
				src, ok := files[a[1:]]
				if !ok {
					t.Fatalf("no script %s", a)
				}
				a = src
			}
		}
		args = append(args, a)
	}
	return args
}

func render(c *redis.Client, args []any, sorted bool) string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	v, err := c.Do(ctx, args...).Result()
	if err != nil {
		return err.Error()
	}
	if sorted {
		v = sortDeep(v)
	}
	return fmt.Sprint(v)
}

// sortDeep sorts the first-level arrays of v by their printed form.
func sortDeep(v any) any {
	arr, ok := v.([]any)
	if !ok {
		return v
	}
	out := make([]any, len(arr))
	allScalars := true
	for i, x := range arr {
		if sub, ok := x.([]any); ok {
			allScalars = false
			s := append([]any(nil), sub...)
			sort.Slice(s, func(a, b int) bool { return fmt.Sprint(s[a]) < fmt.Sprint(s[b]) })
			out[i] = s
		} else {
			out[i] = x
		}
	}
	if allScalars {
		sort.Slice(out, func(a, b int) bool { return fmt.Sprint(out[a]) < fmt.Sprint(out[b]) })
	}
	return out
}
