package syntax

import "testing"

// TestAddVectors checks the register-blocked vector sum against the plain
// loop for every block width the caller can ask for (each mix of the 64-,
// 32- and 8-float blocks), at several starting classes and vector counts,
// so every path of the assembly is run.
func TestAddVectors(t *testing.T) {
	const stride = 136
	dense := make([]float32, 9*stride)
	for i := range dense {
		dense[i] = float32(i%97)*0.25 - 7
	}
	for nv := 0; nv <= 9; nv++ {
		offs := make([]uint32, nv)
		for i := range offs {
			offs[i] = uint32((i * 5 % 9) * stride)
		}
		for from := 0; from <= 32; from += 8 {
			for to := from; to <= stride; to += 8 {
				var got, want [256]float32
				for i := range got {
					got[i], want[i] = float32(i)*0.5, float32(i)*0.5
				}
				addVectors(&got, dense, offs, from, to)
				addVectorsGo(&want, dense, offs, from, to)
				if got != want {
					t.Fatalf("%d vectors, classes [%d, %d): sums differ", nv, from, to)
				}
				for i := range got {
					if (i < from || i >= to) && got[i] != float32(i)*0.5 {
						t.Fatalf("%d vectors, classes [%d, %d): class %d changed", nv, from, to, i)
					}
				}
			}
		}
	}
}
