// Package shapes is another package of the module, called from the corpus
// (crosspkg.go): steps may use the functions, methods, types and
// constants of every package of their module.
package shapes

import "fmt"

// Sides is a constant the corpus reads.
const Sides = 4

// A Unit converts millimetres.
type Unit int

// Units.
const (
	Mm Unit = iota + 1
	Cm
)

// In converts mm millimetres to u, truncating as Go does.
func (u Unit) In(mm int) int {
	switch u {
	case Cm:
		return mm / 10
	}
	return mm
}

// Rect is a struct with value and pointer methods.
type Rect struct {
	W, H int
	Name string
}

// NewRect names the rectangle with an unexported helper.
func NewRect(w, h int) Rect { return Rect{W: w, H: h, Name: kind(w, h)} }

func kind(w, h int) string {
	if w == h {
		return "square"
	}
	return "rect"
}

// Area is a value method.
func (r Rect) Area() int { return r.W * r.H }

// Scale is a pointer method.
func (r *Rect) Scale(k int) {
	r.W *= k
	r.H *= k
}

// String makes Rect a fmt.Stringer.
func (r Rect) String() string { return fmt.Sprintf("%s[%dx%d]", r.Name, r.W, r.H) }

// Count is a generic function.
func Count[T comparable](xs []T, x T) int {
	n := 0
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}
