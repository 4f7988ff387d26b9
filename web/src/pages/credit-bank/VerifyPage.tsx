import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { verification } from '../../../../contracts/credit-bank.ts';
import { errorMessage, get, post } from '../../api/client.ts';
import { credentialIdOfLink } from './QrCode.tsx';

type Verdict = z.infer<typeof verification>;
const TYPE = { valid: 'success', revoked: 'warning', tampered: 'error', unknown: 'error' } as const;
const TITLE = { valid: '凭证有效', revoked: '凭证已撤销', tampered: '凭证被篡改', unknown: '无法确认' } as const;

/**
 * The public verification page (no sign-in): paste a credential's JSON, or open a shared link or QR code
 * (?id=…); a verification link pasted into the box is followed too.
 */
export default function VerifyPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [text, setText] = useState('');
  const shared = useQuery({
    queryKey: ['cb', 'public', id],
    enabled: !!id,
    queryFn: () => get<{ credential: Record<string, unknown>; verification: Verdict }>(`/api/public/credentials/${id}`),
  });
  const check = useMutation({ mutationFn: (doc: unknown) => post<Verdict>('/api/public/credentials/verify', doc) });
  const submit = () => {
    const linked = credentialIdOfLink(text);
    if (linked) {
      check.reset();
      setText('');
      setParams({ id: linked });
      return;
    }
    try {
      check.mutate(JSON.parse(text));
    } catch {
      check.reset();
      alert('内容既不是凭证 JSON，也不是验证链接');
    }
  };
  const verdict = check.data ?? shared.data?.verification;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 16 }} data-testid="credit-bank-verify">
      <Typography.Title level={4}>学分银行凭证验证</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        {verdict && (
          <Alert
            type={TYPE[verdict.status]}
            showIcon
            message={`${TITLE[verdict.status]}${verdict.name ? `：${verdict.name}` : ''}`}
            description={verdict.reason}
          />
        )}
        {(check.error || shared.error) && <Alert type="error" showIcon message={errorMessage(check.error ?? shared.error)} />}
        <Card size="small" title="粘贴凭证 JSON 或验证链接">
          <Input.TextArea
            rows={10}
            value={text || (shared.data ? JSON.stringify(shared.data.credential, null, 2) : '')}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="primary" style={{ marginTop: 8 }} loading={check.isPending} onClick={submit} disabled={!text}>
            验证
          </Button>
        </Card>
      </Space>
    </div>
  );
}
