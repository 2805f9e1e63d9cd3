// Package bench holds what sitrep's benchmarks share, kept out of the
// packages they measure so that none of those imports the generator or
// the load generator for benchmarking's sake:
//
//   - the cached bench store: generated articles (internal/synth) put
//     through the whole pipeline, ingest with extraction then resolution,
//     built once under the system's temporary folder and reused (StorePath,
//     BuildStore);
//   - the request mix of "sitrep bench serve" and of the server's Go
//     benchmarks (Mix, Paths, Queries), and the load generator that sends
//     it to a server on a loopback address and measures latency (Load);
//   - the per-stage benchmarks' shared helpers: timing a stage with its
//     allocations (Measure) and reading the process's peak memory
//     (PeakMemory, ResetPeakMemory).
//
// It starts no server itself: callers serve the store (server.New) and
// hand Load the address, so internal/server's own benchmarks can import
// this package without a cycle.
package bench
