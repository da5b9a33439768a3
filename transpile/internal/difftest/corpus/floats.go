package corpus

import "math"

var _ = reg(FloatArith, FloatDivZero, Float32Round, FloatNaNCompare, FloatToString, FloatFloorCeil,
	FloatMinMax, FloatSqrtAbs, FloatIntMix, Float32Accumulate, FloatRound, FloatIsInf, FloatMod, FloatConstFold)

func FloatArith(a, b float64) []float64 { return []float64{a + b, a - b, a * b, -a, a*b + a} }
func FloatDivZero(a float64) []float64 {
	z := 0.0
	return []float64{a / z, -a / z, z / z, a / 2}
}
func Float32Round(a, b float32) []float32 { return []float32{a + b, a * b, a - b, a / 3} }
func FloatNaNCompare(a, b float64) []bool {
	return []bool{a == b, a != b, a < b, a >= b, math.IsNaN(a)}
}
func FloatToString(a float64) string { return fmtFloat(a) }
func fmtFloat(a float64) string {
	if a > 1e10 || a < -1e10 {
		return "big"
	}
	return "small"
}
func FloatFloorCeil(a float64) []float64 {
	return []float64{math.Floor(a), math.Ceil(a), math.Trunc(a), math.Round(a), math.RoundToEven(a)}
}
func FloatMinMax(a, b float64) []float64 {
	return []float64{min(a, b), max(a, b), math.Min(a, b), math.Max(a, b)}
}
func FloatSqrtAbs(a float64) []float64 {
	return []float64{math.Sqrt(a), math.Abs(a), math.Copysign(3, a)}
}
func FloatIntMix(a int, b float64) float64 {
	return float64(a)*b + float64(a/3)
}
func Float32Accumulate(xs []float32) float32 {
	var s float32
	for _, x := range xs {
		s += x * 1.1
	}
	return s
}
func FloatRound(a float64) int64 { return int64(math.Round(a*100)) / 100 }
func FloatIsInf(a float64) []bool {
	return []bool{math.IsInf(a, 1), math.IsInf(a, -1), math.IsInf(a, 0), math.Signbit(a)}
}
func FloatMod(a, b float64) float64 { return math.Mod(a, b) }
func FloatConstFold() []float64 {
	const third = 1.0 / 3
	return []float64{third * 3, math.Pi * 2, math.MaxFloat64, math.SmallestNonzeroFloat64, 1e308 * 10 / 10}
}
