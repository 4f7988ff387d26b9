import { Empty, Space, Tabs, Typography } from 'antd';
import { useMe } from '../../auth/session.tsx';
import { BulkIssue } from './staff/BulkIssue.tsx';
import { IssueForm } from './staff/IssueForm.tsx';
import { IssuedList } from './staff/IssuedList.tsx';
import { LearnerAccountForm } from './staff/LearnerAccountForm.tsx';
import { actingOrganisation } from './staff/shared.ts';

/**
 * 成果签发: the enterprise training officer's (or a school's) credit-bank desk — issue outcomes one by one or from a
 * spreadsheet, see and revoke what was issued, open learning accounts for employees in training.
 */
export default function IssuerPage() {
  const me = useMe();
  const org = actingOrganisation(me, ['enterprise_admin', 'school_admin', 'teacher']);
  if (!org) return <Empty description="请以学校或企业身份签发学习成果" />;
  return (
    <div data-testid="cb-issuer-page">
      <div className="cj-page-head">
        <Typography.Title level={3}>学分银行 · 成果签发</Typography.Title>
        <Typography.Text type="secondary">{org.name}签发的学习成果即时进入学习者账户并记入学分账本。</Typography.Text>
      </div>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'one', label: '逐项签发', children: <IssueForm /> },
          { key: 'bulk', label: '批量签发', children: <BulkIssue /> },
          { key: 'issued', label: '已签发', children: <IssuedList issuerId={org.id} /> },
          {
            key: 'accounts',
            label: '学习者开户',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <LearnerAccountForm />
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
