package gearstest

import "fmt"

// Compare needs only a T; here a recorder stands in for *testing.T.
func ExampleCompare() {
	failures := record(func(t T) {
		got := Compare(t, keyNames, Seed(seedKeys))
		fmt.Println(len(got), "keys, the same natively and in Python")
	})
	fmt.Println(len(failures), "failures")
	// Output:
	// 2 keys, the same natively and in Python
	// 0 failures
}
