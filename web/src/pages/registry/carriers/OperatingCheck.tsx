import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { Carrier } from '../../../../../contracts/carriers.ts';
import { errorMessage, post } from '../../../api/client.ts';
import { EvidenceUploader } from '../../supervision/ReportForm.tsx';
import { useCan } from '../kit/can.ts';

type Evidence = { id: string; fileName: string };

/**
 * 运行核验: an operating carrier counts toward its target only once the bureau or its district has checked, on the
 * lead's evidence files, that it runs. The lead's side uploads evidence; the bureau or the district verifies.
 */
export function OperatingCheck({ c, onChanged }: { c: Carrier & { evidence: Evidence[] }; onChanged: () => void }) {
  const can = useCan();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (c.status !== 'operating') return null;
  const target = { organisationId: c.lead.id, districtId: c.districtId };
  const verify = async () => {
    setBusy(true);
    try {
      await post(`/api/carriers/${c.id}/verify-operating`, { version: c.version });
      message.success('已核验，计入相应目标');
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="运行情况核验" className="cj-section" data-testid="carrier-operating-check">
      <Typography.Paragraph>
        {c.operatingVerifiedAt
          ? `已于 ${c.operatingVerifiedAt} 核验，计入相应目标。`
          : '待市教育局或所在区县依据佐证材料核验：核验前不计入目标。'}
      </Typography.Paragraph>
      {c.evidence.length ? (
        <ul>
          {c.evidence.map((f) => (
            <li key={f.id}>
              <a href={`/api/carriers/${c.id}/evidence/${f.id}`}>{f.fileName}</a>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph type="secondary">尚无运行佐证材料</Typography.Paragraph>
      )}
      {!c.archived && can({ resource: 'carrier', action: 'update' }, target) && (
        <EvidenceUploader path={`/api/carriers/${c.id}/evidence`} onDone={onChanged} />
      )}
      {!c.operatingVerifiedAt && can({ resource: 'carrier', action: 'verify' }, { districtId: c.districtId }) && (
        <Button type="primary" loading={busy} onClick={() => void verify()} style={{ marginTop: 12 }} data-testid="carrier-verify">
          核验运行情况
        </Button>
      )}
    </Card>
  );
}
