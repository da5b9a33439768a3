package corpus

var _ = reg(AddInt, SubInt8, MulUint32, DivInt, ModInt, DivInt8, ModUint16, ShlInt64, ShrInt32, ShlUint8Var,
	AndNot, Complement8, ComplementU16, NegInt64, IncWrap, ConstFold, MixedPrecedence, AvgFloor)

func AddInt(a, b int) int             { return a + b }
func SubInt8(a, b int8) int8          { return a - b }
func MulUint32(a, b uint32) uint32    { return a * b }
func DivInt(a, b int) int             { return a / b }
func ModInt(a, b int) int             { return a % b }
func DivInt8(a, b int8) int8          { return a / b }
func ModUint16(a, b uint16) uint16    { return a % b }
func ShlInt64(a int64, n uint) int64  { return a << n }
func ShrInt32(a int32, n uint8) int32 { return a >> n }
func ShlUint8Var(a uint8, n int) uint8 {
	if n < 0 {
		n = -n
	}
	return a << n
}
func AndNot(a, b uint64) uint64     { return a &^ b }
func Complement8(a int8) int8       { return ^a }
func ComplementU16(a uint16) uint16 { return ^a }
func NegInt64(a int64) int64        { return -a }
func IncWrap(a uint8) uint8 {
	a++
	a += 200
	return a
}
func ConstFold(a int) int {
	const big = 1 << 70
	return a + big>>68 + 7/2 - (-7)/2
}
func MixedPrecedence(a, b, c int) int { return a | b + c ^ a&b*c<<2 }
func AvgFloor(a, b int32) int32       { return (a + b) / 2 }

var _ = reg(FloatToInts, FloatToUint64)

func FloatToInts(f float64) []int64 {
	return []int64{int64(f), int64(int32(f)), int64(int8(f)), int64(uint8(f)), int64(uint32(f)), int64(int(f))}
}
func FloatToUint64(f float64) uint64 { return uint64(f) }
