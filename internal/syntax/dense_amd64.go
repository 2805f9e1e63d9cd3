package syntax

import "golang.org/x/sys/cpu"

// addDenseAVX2 adds v to a, n floats, with AVX2 (dense_amd64.s).
//
//go:noescape
func addDenseAVX2(a, v *float32, n int)

// addDense adds v to a (v at least as long as a). Dense vectors are the
// parser's hottest loop: the weights of tag and label features, some forty
// vectors of a hundred classes for every move.
func addDense(a, v []float32) {
	if len(a) == 0 {
		return
	}
	v = v[:len(a)]
	if cpu.X86.HasAVX2 {
		addDenseAVX2(&a[0], &v[0], len(a))
		return
	}
	addDenseGo(a, v)
}
