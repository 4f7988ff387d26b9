import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useState } from 'react';
import { ENTERPRISE_SIZE_LABELS, type EnterpriseDetail } from '../../../../../contracts/enterprises.ts';
import { formatNumber } from '../../../components/format.ts';
import { ArchiveButton } from '../kit/ArchiveButton.tsx';
import { useCan } from '../kit/can.ts';
import { num, StatusTag, YesTag } from '../kit/cells.tsx';
import { DetailShell, EditButton } from '../kit/DetailShell.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { useRecord } from '../kit/useRecord.ts';
import { label, percent, RECORD_STATUS_LABELS } from '../labels.ts';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { IntegrationTag } from './EnterpriseListPage.tsx';

const yuan = (v: number | null) => (v === null ? '—' : `${formatNumber(v)} 元`);

export default function EnterpriseDetailPage() {
  const query = useRecord<EnterpriseDetail>('/api/enterprises');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  return (
    <DetailShell
      testId="registry-enterprise"
      query={query}
      backTo="/registry/enterprises"
      backLabel="企业"
      title={(e) => e.name}
      tags={(e) => (
        <>
          <StatusTag status={e.status} labels={RECORD_STATUS_LABELS} />
          <IntegrationTag status={e.integrationStatus} />
          <YesTag yes={e.aboveDesignatedSize} label="规上企业" color="blue" />
        </>
      )}
      actions={(e) => {
        const target = { organisationId: e.id, districtId: e.districtId };
        return (
          <>
            {can({ resource: 'enterprise', action: 'archive' }, target) && (
              <ArchiveButton endpoint="/api/enterprises" record={e} archived={e.status === 'archived'} />
            )}
            {e.status !== 'archived' && can({ resource: 'enterprise', action: 'update' }, target) && (
              <EditButton onClick={() => setEditing(true)} />
            )}
          </>
        );
      }}
    >
      {(e) => {
        const posts = e.expectations.internshipPosts;
        const fund = e.expectations.trainingFund;
        return (
          <>
            <Card className="cj-section">
              <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small">
                <Descriptions.Item label="统一社会信用代码">
                  <span className="cj-mono">{e.uscc}</span>
                </Descriptions.Item>
                <Descriptions.Item label="所在区县(市)">{e.districtName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="企业规模">{label(ENTERPRISE_SIZE_LABELS, e.size)}</Descriptions.Item>
                <Descriptions.Item label="行业">
                  {e.industryName ?? '—'}（<span className="cj-mono">{e.industryCode}</span>）
                </Descriptions.Item>
                <Descriptions.Item label="产业集群">{e.clusterName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="职工人数">{num(e.staffCount)}</Descriptions.Item>
                <Descriptions.Item label="工资总额">{yuan(e.payrollYuan)}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Row gutter={[16, 16]} className="cj-section">
              <Col xs={24} lg={12}>
                <Card size="small" title="实习岗位预期" className="cj-standing">
                  {posts.applies ? (
                    <Typography.Paragraph style={{ margin: 0 }}>
                      按职工总数的 {percent(posts.minShare)}–{percent(posts.maxShare)}，应提供{' '}
                      <b>
                        {posts.minPosts}–{posts.maxPosts}
                      </b>{' '}
                      个实习岗位。
                    </Typography.Paragraph>
                  ) : (
                    <Typography.Text type="secondary">该要求不适用于本企业。</Typography.Text>
                  )}
                  <div className="cj-standing-rule">
                    <span className="cj-stat-article">{posts.article}</span>
                  </div>
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title="职工教育培训经费" className="cj-standing">
                  <Typography.Paragraph style={{ margin: 0 }}>
                    按工资总额的 {percent(fund.minShare)}–{percent(fund.maxShare)} 提取：
                    {fund.minYuan === null ? '工资总额未登记' : `${yuan(fund.minYuan)}–${yuan(fund.maxYuan)}`}； 其中用于一线职工不低于{' '}
                    {percent(fund.frontlineShare)}
                    {fund.frontlineMinYuan === null ? '' : `（${yuan(fund.frontlineMinYuan)}）`}。
                  </Typography.Paragraph>
                  <div className="cj-standing-rule">
                    <span className="cj-stat-article">{fund.article}</span>
                  </div>
                </Card>
              </Col>
            </Row>
            <RecordDrawer open={editing} title={`编辑：${e.name}`} onClose={() => setEditing(false)}>
              <EnterpriseForm record={e} onSaved={() => setEditing(false)} onReload={() => query.refetch()} />
            </RecordDrawer>
          </>
        );
      }}
    </DetailShell>
  );
}
