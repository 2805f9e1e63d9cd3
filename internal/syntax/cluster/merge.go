package cluster

import "math"

// buildTree turns the flat clusters into Brown's hierarchy by merging them
// bottom up, each time the pair whose merge loses the least of F (the mutual
// information between adjacent clusters, up to scale). n holds the k×k
// class bigram counts, of which the first c clusters merge and the rest (the
// boundary and the rare words) only serve as context.
//
// It returns the path of every leaf, leaves numbered in path order, and
// leafOf, the leaf of each of the c clusters. The heavier subtree of every
// merge takes the 0 branch; any fixed rule would do, and this one makes the
// paths of frequent clusters read alike across runs on similar corpora.
//
// The change in F from merging i and j is
//
//	Δ(i,j) = Σ_{d≠i,j} [h(N(i,d), N(j,d)) + h(N(d,i), N(d,j))]
//	       + φ(N(i,i)+N(i,j)+N(j,i)+N(j,j)) − φ(N(i,i)) − φ(N(i,j)) − φ(N(j,i)) − φ(N(j,j))
//	       − h(L(i), L(j)) − h(R(i), R(j))
//
// with φ(x) = x ln x and h(a,b) = φ(a+b) − φ(a) − φ(b). Merging s and t
// changes Δ(i,j) of another pair only through the terms d = s and d = t,
// which become one; updating those (Liang 2005) costs O(1) a pair, so each
// merge costs O(c²) and the whole tree O(c³) instead of O(c⁴).
func buildTree(n []int64, k, c int) (paths []uint64, lens []uint8, leafOf []uint32) {
	t := xlogxTable()
	nl := make([]int64, k)
	nr := make([]int64, k)
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			nl[i] += n[i*k+j]
			nr[j] += n[i*k+j]
		}
	}
	delta := func(i, j int) float64 {
		var s float64
		ri, rj := n[i*k:i*k+k], n[j*k:j*k+k]
		for d := 0; d < k; d++ {
			if d != i && d != j {
				s += mergeGain(t, ri[d], rj[d]) + mergeGain(t, n[d*k+i], n[d*k+j])
			}
		}
		ii, ij, ji, jj := n[i*k+i], n[i*k+j], n[j*k+i], n[j*k+j]
		s += xlogx(t, ii+ij+ji+jj) - xlogx(t, ii) - xlogx(t, ij) - xlogx(t, ji) - xlogx(t, jj)
		return s - mergeGain(t, nl[i], nl[j]) - mergeGain(t, nr[i], nr[j])
	}
	loss := make([]float64, c*c) // Δ(i,j) at [i*c+j], i < j
	for i := 0; i < c; i++ {
		for j := i + 1; j < c; j++ {
			loss[i*c+j] = delta(i, j)
		}
	}

	// The tree: leaves 0..c-1 are the clusters, later nodes the merges.
	nodes := 2*c - 1
	left := make([]int32, nodes)
	right := make([]int32, nodes)
	weight := make([]int64, nodes)
	cur := make([]int32, c) // the node each live slot stands for
	alive := make([]int, c)
	for i := range c {
		left[i], right[i] = -1, -1
		weight[i] = nl[i]
		cur[i] = int32(i)
		alive[i] = i
	}
	// Scratch: the counts of every cluster with s and with t.
	is, it, si, ti := make([]int64, c), make([]int64, c), make([]int64, c), make([]int64, c)
	for next := c; len(alive) > 1; next++ {
		s, u, best := -1, -1, math.Inf(-1)
		for ai, i := range alive {
			for _, j := range alive[ai+1:] {
				if v := loss[i*c+j]; v > best {
					s, u, best = i, j, v
				}
			}
		}
		for _, i := range alive {
			is[i], it[i], si[i], ti[i] = n[i*k+s], n[i*k+u], n[s*k+i], n[u*k+i]
		}
		for ai, i := range alive {
			if i == s || i == u {
				continue
			}
			for _, j := range alive[ai+1:] {
				if j == s || j == u {
					continue
				}
				loss[i*c+j] += mergeGain(t, is[i]+it[i], is[j]+it[j]) -
					mergeGain(t, is[i], is[j]) - mergeGain(t, it[i], it[j]) +
					mergeGain(t, si[i]+ti[i], si[j]+ti[j]) -
					mergeGain(t, si[i], si[j]) - mergeGain(t, ti[i], ti[j])
			}
		}
		// Fold u into s: its row, then its column (which, after the row,
		// carries u·u and s·u onto the diagonal), then forget u.
		for d := 0; d < k; d++ {
			n[s*k+d] += n[u*k+d]
		}
		for d := 0; d < k; d++ {
			n[d*k+s] += n[d*k+u]
		}
		for d := 0; d < k; d++ {
			n[u*k+d], n[d*k+u] = 0, 0
		}
		nl[s] += nl[u]
		nr[s] += nr[u]
		nl[u], nr[u] = 0, 0
		for ai, i := range alive {
			if i == u {
				alive = append(alive[:ai], alive[ai+1:]...)
				break
			}
		}
		for _, j := range alive {
			switch {
			case j < s:
				loss[j*c+s] = delta(j, s)
			case j > s:
				loss[s*c+j] = delta(s, j)
			}
		}

		a, b := cur[s], cur[u]
		if weight[b] > weight[a] {
			a, b = b, a
		}
		left[next], right[next] = a, b
		weight[next] = weight[a] + weight[b]
		cur[s] = int32(next)
	}

	// Walk the tree, 0 to the left, numbering the leaves as met.
	paths = make([]uint64, 0, c)
	lens = make([]uint8, 0, c)
	leafOf = make([]uint32, c)
	type visit struct {
		node int32
		path uint64
		len  uint8
	}
	stack := []visit{{node: int32(nodes - 1)}}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if left[v.node] < 0 {
			leafOf[v.node] = uint32(len(paths))
			paths = append(paths, v.path)
			lens = append(lens, v.len)
			continue
		}
		lp, rp, l := v.path, v.path, v.len
		// A path deeper than MaxPath keeps its first MaxPath turns.
		if l < MaxPath {
			lp, rp, l = v.path<<1, v.path<<1|1, l+1
		}
		stack = append(stack, visit{right[v.node], rp, l}, visit{left[v.node], lp, l})
	}
	return paths, lens, leafOf
}

// mergeGain is h(a,b) = φ(a+b) − φ(a) − φ(b), the change in Σφ when two
// counts become one; it is zero when either is.
func mergeGain(t *[tableSize]float64, a, b int64) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return xlogx(t, a+b) - xlogx(t, a) - xlogx(t, b)
}
