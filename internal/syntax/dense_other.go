//go:build !amd64

package syntax

// prefetch does nothing where no prefetch instruction is written.
func (w *weights) prefetch(feats []feature) {}

// prefetchEntries does nothing where no prefetch instruction is written.
func (w *weights) prefetchEntries(home []slot) {}

// addVectors adds classes [from, to) of the dense vectors at offs to acc.
func addVectors(acc *[256]float32, dense []float32, offs []uint32, from, to int) {
	addVectorsGo(acc, dense, offs, from, to)
}
