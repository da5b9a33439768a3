package transpile

import (
	"errors"
	"os"
	"testing"
)

// BenchmarkGenerate times Generate on the package bench/transpile.sh
// generates (500 gears, 3,000 closures); it skips when the package is
// absent. Run bench/transpile.sh for the comparison with go vet.
func BenchmarkGenerate(b *testing.B) {
	if _, err := os.Stat("../bench/transpile/big/gears.go"); err != nil {
		b.Skip("run: go run ./bench/transpile/genpkg -o bench/transpile/big (or bench/transpile.sh)")
	}
	for b.Loop() {
		_, err := Generate(Config{Dir: "..", Patterns: []string{"./bench/transpile/big"}, Check: true})
		if err != nil && !errors.Is(err, ErrStale) {
			b.Fatal(err)
		}
	}
}
