// e2e tests drive a real browser against a real emulator: 60 s per test (and per hook).
jest.setTimeout(60_000);
