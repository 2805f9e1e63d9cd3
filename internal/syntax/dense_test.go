package syntax

import "testing"

// TestAddDense checks the vector add against the plain loop on every
// length around the vector width, so the tail and the body are both run.
func TestAddDense(t *testing.T) {
	for n := 0; n <= 40; n++ {
		a, b, v := make([]float32, n), make([]float32, n), make([]float32, n+3)
		for i := range a {
			a[i], b[i] = float32(i)*0.5, float32(i)*0.5
			v[i] = float32(n-i) * 0.25
		}
		addDense(a, v)
		addDenseGo(b, v[:n])
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("n=%d: a[%d] = %v, want %v", n, i, a[i], b[i])
			}
		}
	}
}
