import type { buildOpenApi } from '../platform/http/openapi.ts';

type Doc = ReturnType<typeof buildOpenApi>;
type Operation = {
  summary: string;
  tags: string[];
  'x-access': string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
};

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A readable, dependency-free page of the OpenAPI document: one section per tag, one row per operation. Its
 * one style element carries the answer's CSP nonce.
 */
export function renderApiDocs(doc: Doc, styleNonce: string): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as Operation;
      const params = op.parameters.map((p) => `<code>${esc(p.name)}</code>${p.required ? '*' : ''} <small>(${p.in})</small>`).join(', ');
      const body = op.requestBody
        ? `<details><summary>请求体</summary><pre>${esc(JSON.stringify(op.requestBody.content['application/json']!.schema, null, 2))}</pre></details>`
        : '';
      const row = `<tr><td><b class="m ${method}">${method.toUpperCase()}</b></td><td><code>${esc(path)}</code></td><td>${esc(op.summary)}${body}</td><td><code>${esc(op['x-access'])}</code></td><td>${params}</td></tr>`;
      const tag = op.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const sections = [...byTag]
    .map(
      ([tag, rows]) =>
        `<h2>${esc(tag)}</h2><table><thead><tr><th>方法</th><th>路径</th><th>说明</th><th>权限</th><th>参数</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)}</title><style nonce="${esc(styleNonce)}">
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#1f1f1f}table{border-collapse:collapse;width:100%;margin-bottom:24px}
td,th{border:1px solid #e5e5e5;padding:6px 8px;text-align:left;vertical-align:top;font-size:14px}th{background:#fafafa}
.m{font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;background:#1677ff}.post{background:#52c41a}.patch,.put{background:#fa8c16}.delete{background:#f5222d}
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:320px}</style></head><body>
<h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p>
<p>机器可读文档：<a href="/api/openapi.json">/api/openapi.json</a>。错误统一为 <code>{"code","message","fields"?,"requestId"}</code>。写操作需在请求头 <code>x-csrf-token</code> 中携带 <code>/api/auth/me</code> 返回的令牌。</p>
${sections}</body></html>`;
}
