// App tests render whole pages and type into them; on a busy two-core machine that takes seconds.
jest.setTimeout(20_000)
