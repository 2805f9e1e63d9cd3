#include "textflag.h"

// func addDenseAVX2(a, v *float32, n int)
// a[i] += v[i] for i < n, eight at a time with AVX2, then one at a time.
TEXT ·addDenseAVX2(SB), NOSPLIT, $0-24
	MOVQ a+0(FP), DI
	MOVQ v+8(FP), SI
	MOVQ n+16(FP), CX
loop8:
	CMPQ CX, $8
	JLT  tail
	VMOVUPS (DI), Y0
	VADDPS  (SI), Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ $32, DI
	ADDQ $32, SI
	SUBQ $8, CX
	JMP  loop8
tail:
	CMPQ CX, $0
	JEQ  done
	MOVSS (DI), X0
	ADDSS (SI), X0
	MOVSS X0, (DI)
	ADDQ $4, DI
	ADDQ $4, SI
	DECQ CX
	JMP  tail
done:
	VZEROUPPER
	RET
