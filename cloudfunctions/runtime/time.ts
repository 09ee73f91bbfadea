// The functions' notion of now. Production: the wall clock. Locally the emulator can move time
// forward for tests; it hands the offset to each invocation in LINLI_CLOCK_OFFSET_MS, or a stopped
// clock's instant in LINLI_CLOCK_AT.

export function now(): Date {
  // a stopped clock (local tests of simultaneous taps): every invocation sees the same instant
  const at = Number(process.env.LINLI_CLOCK_AT || NaN);
  if (Number.isFinite(at)) return new Date(at);
  const offset = Number(process.env.LINLI_CLOCK_OFFSET_MS ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
