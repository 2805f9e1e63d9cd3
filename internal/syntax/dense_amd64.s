#include "textflag.h"

// func prefetchSlots(slots *slot, mask uint64, feats *uint64, n int)
// Prefetches slots[feats[i]&mask] for i < n: the loads of a move's home
// slots then wait for memory together, and none blocks the others.
TEXT ·prefetchSlots(SB), NOSPLIT, $0-32
	MOVQ slots+0(FP), DI
	MOVQ mask+8(FP), DX
	MOVQ feats+16(FP), SI
	MOVQ n+24(FP), CX
ploop:
	CMPQ CX, $0
	JEQ  pdone
	MOVQ (SI), AX
	ANDQ DX, AX
	PREFETCHT0 (DI)(AX*8)
	ADDQ $8, SI
	DECQ CX
	JMP  ploop
pdone:
	RET

// func prefetchRuns(home *slot, n int, entries *uint32)
// Prefetches the first entry of the run of each of home[:n] that keeps
// its weights out of line (layout bit 2 of its fingerprint).
TEXT ·prefetchRuns(SB), NOSPLIT, $0-24
	MOVQ home+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ entries+16(FP), DI
rloop:
	CMPQ CX, $0
	JEQ  rdone
	MOVL (SI), AX
	TESTL $2, AX
	JEQ  rnext
	MOVL 4(SI), AX
	SHRL $8, AX
	PREFETCHT0 (DI)(AX*4)
rnext:
	ADDQ $8, SI
	DECQ CX
	JMP  rloop
rdone:
	RET

// addVectors64, addVectors32 and addVectors8 are one loop written out for
// 8, 4 and 1 registers: the assembler has no way to loop over registers,
// and each width keeps its block of scores in registers for the whole sum.

// func addVectors64(acc, dense *float32, offs *uint32, n int)
// acc[j] += dense[offs[i]+j] for j < 64 and i < n, with acc held in
// 8 registers while every vector is added.
TEXT ·addVectors64(SB), NOSPLIT, $0-32
	MOVQ acc+0(FP), DI
	MOVQ dense+8(FP), SI
	MOVQ offs+16(FP), BX
	MOVQ n+24(FP), CX
	VMOVUPS 0(DI), Y0
	VMOVUPS 32(DI), Y1
	VMOVUPS 64(DI), Y2
	VMOVUPS 96(DI), Y3
	VMOVUPS 128(DI), Y4
	VMOVUPS 160(DI), Y5
	VMOVUPS 192(DI), Y6
	VMOVUPS 224(DI), Y7
addVectors64loop:
	CMPQ CX, $0
	JEQ  addVectors64done
	MOVL (BX), AX
	LEAQ (SI)(AX*4), DX
	VADDPS 0(DX), Y0, Y0
	VADDPS 32(DX), Y1, Y1
	VADDPS 64(DX), Y2, Y2
	VADDPS 96(DX), Y3, Y3
	VADDPS 128(DX), Y4, Y4
	VADDPS 160(DX), Y5, Y5
	VADDPS 192(DX), Y6, Y6
	VADDPS 224(DX), Y7, Y7
	ADDQ $4, BX
	DECQ CX
	JMP  addVectors64loop
addVectors64done:
	VMOVUPS Y0, 0(DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, 64(DI)
	VMOVUPS Y3, 96(DI)
	VMOVUPS Y4, 128(DI)
	VMOVUPS Y5, 160(DI)
	VMOVUPS Y6, 192(DI)
	VMOVUPS Y7, 224(DI)
	VZEROUPPER
	RET

// func addVectors32(acc, dense *float32, offs *uint32, n int)
// acc[j] += dense[offs[i]+j] for j < 32 and i < n, with acc held in
// 4 registers while every vector is added.
TEXT ·addVectors32(SB), NOSPLIT, $0-32
	MOVQ acc+0(FP), DI
	MOVQ dense+8(FP), SI
	MOVQ offs+16(FP), BX
	MOVQ n+24(FP), CX
	VMOVUPS 0(DI), Y0
	VMOVUPS 32(DI), Y1
	VMOVUPS 64(DI), Y2
	VMOVUPS 96(DI), Y3
addVectors32loop:
	CMPQ CX, $0
	JEQ  addVectors32done
	MOVL (BX), AX
	LEAQ (SI)(AX*4), DX
	VADDPS 0(DX), Y0, Y0
	VADDPS 32(DX), Y1, Y1
	VADDPS 64(DX), Y2, Y2
	VADDPS 96(DX), Y3, Y3
	ADDQ $4, BX
	DECQ CX
	JMP  addVectors32loop
addVectors32done:
	VMOVUPS Y0, 0(DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, 64(DI)
	VMOVUPS Y3, 96(DI)
	VZEROUPPER
	RET

// func addVectors8(acc, dense *float32, offs *uint32, n int)
// acc[j] += dense[offs[i]+j] for j < 8 and i < n, with acc held in
// 1 register while every vector is added.
TEXT ·addVectors8(SB), NOSPLIT, $0-32
	MOVQ acc+0(FP), DI
	MOVQ dense+8(FP), SI
	MOVQ offs+16(FP), BX
	MOVQ n+24(FP), CX
	VMOVUPS 0(DI), Y0
addVectors8loop:
	CMPQ CX, $0
	JEQ  addVectors8done
	MOVL (BX), AX
	LEAQ (SI)(AX*4), DX
	VADDPS 0(DX), Y0, Y0
	ADDQ $4, BX
	DECQ CX
	JMP  addVectors8loop
addVectors8done:
	VMOVUPS Y0, 0(DI)
	VZEROUPPER
	RET
