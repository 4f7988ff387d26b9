/**
 * The database engines the data-layer and API tests run on: PGlite always, the PostgreSQL server when
 * TEST_DATABASE_URL is set. A server database whose name lacks "test" is refused: tests write to it.
 */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  databaseUrl?: string;
}

export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite' }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    assertTestDatabase(url);
    engines.push({ name: 'postgres', databaseUrl: url });
  }
  return engines;
}

export function assertTestDatabase(url: string) {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.includes('test')) throw new Error(`refusing to run tests against database "${name}": its name must contain "test"`);
}
