package corpus

import (
	"fmt"
	"time"
)

var _ = reg(RevDurVerbs, RevDurEmbedded)

type rDurS struct {
	D  time.Duration
	P  *time.Duration
	M  map[time.Duration]time.Duration
	in rDurIn
}

type rDurIn struct{ E time.Duration }

type RDurEmb struct{ E time.Duration }

type rDurOuter struct {
	RDurEmb
	rDurIn
	N int
}

func RevDurVerbs(n int) string {
	d := time.Duration(n)
	x := rDurS{D: d, M: map[time.Duration]time.Duration{d: 2 * d, 3: 4}, in: rDurIn{d}}
	ds := []time.Duration{d, 1500 * time.Millisecond}
	return fmt.Sprintf("%v|%d|%x|%s|%q|%+v|%v|%d|%v|%5.2v|%08v", x, x, ds, ds, ds, x, x.M, x.M, d, d, ds)
}

func RevDurEmbedded(n int) string {
	d := time.Duration(n)
	o := rDurOuter{RDurEmb{d}, rDurIn{d}, 1}
	return fmt.Sprintf("%v|%+v|%v|%d", o, o, []rDurOuter{o}, o)
}
