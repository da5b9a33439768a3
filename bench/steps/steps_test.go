package steps

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/internal/python"
)

//go:embed harness.py
var harness string

// scripter is a gear with its generated script.
type scripter interface {
	Script() (dsl.Script, error)
}

var gears = []struct {
	name string
	gear scripter
}{
	{"CountByStatus", &CountByStatus},
	{"WordCount", &WordCount},
	{"Revenue", &Revenue},
	{"ShoutUsers", &ShoutUsers},
}

// records are the readers' records, by pattern: n order hashes, n
// ten-word documents and n user keys.
func records(n int) map[string][]any {
	statuses := []string{"new", "paid", "shipped", "cancelled"}
	words := strings.Fields("the quick brown fox jumps over a lazy dog again and again")
	out := map[string][]any{}
	for i := range n {
		out["order:*"] = append(out["order:*"], map[string]any{
			"key": fmt.Sprintf("order:%d", i), "type": "hash",
			"value": map[string]string{"status": statuses[i%len(statuses)], "qty": fmt.Sprint(i%7 + 1), "price": fmt.Sprint(100 + i%900)},
		})
		doc := make([]string, 10)
		for j := range doc {
			doc[j] = words[(i+j*3)%len(words)]
		}
		out["doc:*"] = append(out["doc:*"], map[string]any{"key": fmt.Sprintf("doc:%d", i), "type": "string", "value": strings.Join(doc, " ")})
		out["user:*"] = append(out["user:*"], fmt.Sprintf("user:%d", i))
	}
	return out
}

// BenchmarkSteps times each gear's generated Python against hand-written
// RedisGears Python doing the same work (testdata/<gear>.py), over 10,000
// records in one CPython process, without Redis: what the translation
// costs per record. Metrics: gen-ns/rec, hand-ns/rec and their ratio.
//
//	go test ./bench/steps -run '^$' -bench Steps
func BenchmarkSteps(b *testing.B) {
	py, err := python.Path()
	if err != nil {
		b.Fatal(err)
	}
	const n = 10000
	recs := records(n)
	for _, g := range gears {
		b.Run(g.name, func(b *testing.B) {
			s, err := g.gear.Script()
			if err != nil {
				b.Fatal(err)
			}
			hand, err := os.ReadFile(filepath.Join("testdata", g.name+".py"))
			if err != nil {
				b.Fatal(err)
			}
			cmd := exec.Command(py, "-c", harness)
			stdin, _ := cmd.StdinPipe()
			stdout, _ := cmd.StdoutPipe()
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				b.Fatal(err)
			}
			defer func() {
				stdin.Close()
				cmd.Wait()
			}()
			init, _ := json.Marshal(map[string]any{"scripts": map[string]string{"gen": s.Source, "hand": string(hand)}, "records": recs})
			if _, err := stdin.Write(append(init, '\n')); err != nil {
				b.Fatal(err)
			}
			out := bufio.NewScanner(stdout)
			out.Buffer(nil, 1<<20)
			var gen, handT float64
			b.ResetTimer()
			for range b.N {
				if _, err := stdin.Write([]byte("run\n")); err != nil {
					b.Fatal(err)
				}
				if !out.Scan() {
					b.Fatalf("harness ended: %v", out.Err())
				}
				var pass map[string][2]float64
				if err := json.Unmarshal(out.Bytes(), &pass); err != nil {
					b.Fatal(err)
				}
				if pass["gen"][1] != pass["hand"][1] {
					b.Fatalf("generated script gave %v records, hand-written %v", pass["gen"][1], pass["hand"][1])
				}
				gen += pass["gen"][0]
				handT += pass["hand"][0]
			}
			b.ReportMetric(gen/float64(b.N)/n*1e9, "gen-ns/rec")
			b.ReportMetric(handT/float64(b.N)/n*1e9, "hand-ns/rec")
			b.ReportMetric(gen/handT, "ratio")
		})
	}
}
