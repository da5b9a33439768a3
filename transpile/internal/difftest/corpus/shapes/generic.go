package shapes

// Number is the constraint of Total.
type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float64
}

// Total sums xs in their own type: int8 sums wrap at 8 bits. It calls a
// generic helper with its own type parameter.
func Total[T Number](xs []T) T {
	var t T
	for _, x := range xs {
		t = add(t, x)
	}
	return t
}

func add[T Number](a, b T) T { return a + b }
