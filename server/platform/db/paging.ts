/** The `total` of a `select count(*)::int as total` query. */
export async function countOf(query: PromiseLike<{ total: number }[]>): Promise<number> {
  const [row] = await query;
  return row?.total ?? 0;
}
