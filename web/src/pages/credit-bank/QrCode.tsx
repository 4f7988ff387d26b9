import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code drawn as one SVG path from the modules qrcode-generator (MIT, no dependencies) computes: no canvas,
 * no HTML injection, crisp at any size. Error correction M survives a scuffed phone screen.
 */
export function QrCode({ text, size = 220, label }: { text: string; size?: number; label: string }) {
  const { path, count } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    const n = qr.getModuleCount();
    let d = '';
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    return { path: d, count: n + 8 };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${count} ${count}`}
      shapeRendering="crispEdges"
      data-testid="credential-qr"
    >
      <rect width={count} height={count} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

/** The public verification page's link for a stored credential (what the QR code carries). */
export const verifyLink = (origin: string, credentialId: string) => `${origin}/credit-bank/verify?id=${encodeURIComponent(credentialId)}`;

/** The credential id in a pasted verification link (or a bare id), or null when the text is something else. */
export function credentialIdOfLink(text: string): string | null {
  const t = text.trim();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) return t;
  if (!/^https?:\/\//i.test(t)) return null;
  try {
    const url = new URL(t);
    return url.pathname.endsWith('/credit-bank/verify') ? url.searchParams.get('id') : null;
  } catch {
    return null;
  }
}
