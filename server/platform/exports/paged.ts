import { streamWorkbook } from './xlsx-stream.ts';

export interface ExportColumn<I> {
  header: string;
  width?: number;
  value: (item: I) => unknown;
}

const PAGE = 200;

/**
 * A list that has no import template (major groups, carriers, registrations: hundreds to a few thousand
 * rows city-wide) exported through its own list function, page by page: the export shows exactly what the
 * list shows, with the same filters, sort and data scope, and nothing is repeated from the repository.
 */
export function exportListPages<Q extends { page: number; pageSize: number }, I>(
  sheetName: string,
  columns: readonly ExportColumn<I>[],
  list: (q: Q) => Promise<{ items: I[]; total: number }>,
  q: Q,
) {
  return streamWorkbook(
    sheetName,
    columns.map((c) => ({ header: c.header, width: c.width })),
    async (add, drain) => {
      for (let page = 1; ; page++) {
        const { items, total } = await list({ ...q, page, pageSize: PAGE });
        for (const item of items) add(columns.map((c) => c.value(item) ?? ''));
        await drain();
        if (items.length < PAGE || page * PAGE >= total) break;
      }
    },
  );
}
