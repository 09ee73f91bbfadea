// The functions' notion of now. Production: the wall clock. Locally the emulator can move time
// forward for tests; it hands the offset to each invocation in LINLI_CLOCK_OFFSET_MS.

export function now(): Date {
  const offset = Number(process.env.LINLI_CLOCK_OFFSET_MS ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
