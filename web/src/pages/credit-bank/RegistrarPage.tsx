import { Empty, Tabs, Typography } from 'antd';
import { useMe } from '../../auth/session.tsx';
import { RulesPanel } from './staff/RulesPanel.tsx';
import { TransfersPanel } from './staff/TransfersPanel.tsx';
import { actingOrganisation } from './staff/shared.ts';

/** 学分认定: the school registrar's desk — recognition rules agreed with enterprises and schools, and transfer requests to review. */
export default function RegistrarPage() {
  const me = useMe();
  const school = actingOrganisation(me, ['school_admin']);
  if (!school) return <Empty description="学分认定由学校管理员办理" />;
  return (
    <div data-testid="cb-registrar-page">
      <div className="cj-page-head">
        <Typography.Title level={3}>学分银行 · 学分认定</Typography.Title>
        <Typography.Text type="secondary">{school.name}：按双方同意的认定规则自动认定，其余逐项人工认定并写明理由。</Typography.Text>
      </div>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'transfers', label: '转换申请', children: <TransfersPanel /> },
          { key: 'rules', label: '认定规则', children: <RulesPanel schoolId={school.id} /> },
        ]}
      />
    </div>
  );
}
