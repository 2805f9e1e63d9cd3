//go:build !amd64

package syntax

// addDense adds v to a (v at least as long as a).
func addDense(a, v []float32) { addDenseGo(a, v[:len(a)]) }
