package expiry

import (
	"testing"

	"github.com/gogears/gogears/gearstest"
)

func TestSetTTL(t *testing.T) {
	for _, ttl := range []int{0, 3600} {
		p := gearstest.New(t)
		if ttl == 0 {
			gearstest.Register(p, SetTTL)
		} else {
			gearstest.Register(p, SetTTL, TTL.Bind(ttl))
		}
		p.Do("SET", "session:zoë", "données")
		p.Do("SET", "session:", "")
		p.Do("SET", "other:1", "never expires")
		p.Do("HSET", "session:hash", "f", "v") // not a set event
		p.CompareStore()
		if got := p.Native.TTL(t.Context(), "session:zoë").Val(); got <= 0 {
			t.Errorf("TTL(session:zoë) = %v, want > 0", got)
		}
	}
}
