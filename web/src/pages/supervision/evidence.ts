import type { Me } from '../../../../contracts/auth.ts';
import { ApiError } from '../../api/client.ts';
import { queryClient } from '../../api/queryClient.ts';
import { ME_KEY } from '../../auth/session.tsx';

/** Evidence files go up as the raw body (application/octet-stream); the server checks type by content and size. */
export async function uploadEvidence(path: string, file: File): Promise<void> {
  const csrf = queryClient.getQueryData<Me>(ME_KEY)?.csrfToken ?? '';
  const res = await fetch(`${path}?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrf, accept: 'application/json' },
  });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
}

export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx,.docx';
export const EVIDENCE_HINT = '佐证材料：PDF、JPG、PNG、XLSX、DOCX，每个不超过10 MB';
