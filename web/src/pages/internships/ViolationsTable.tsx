import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { VIOLATION_SUBJECT_LABELS, type ViolationRow } from '../../../../contracts/internship-stats.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useViolations } from './stats-api.ts';

/** Posts and placements that break the internship regulation, each with the rule's Chinese name and article. */
export function ViolationsTable({ year }: { year?: number }) {
  const [ruleCode, setRuleCode] = useState<string>();
  const [page, setPage] = useState(1);
  const v = useViolations({ year, ruleCode, page, pageSize: 20 });
  if (v.error) return <QueryError error={v.error} onRetry={() => void v.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="violations">
      <Select allowClear placeholder="全部规定" style={{ width: 280, maxWidth: '100%' }} value={ruleCode} onChange={(c) => { setRuleCode(c); setPage(1); }}
        options={(v.data?.byRule ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.count}）` }))} />
      <Table<ViolationRow>
        rowKey={(r, i) => `${r.rule.code}-${r.postId ?? ''}-${r.applicationId ?? ''}-${r.enterpriseId}-${i}`} size="small" loading={v.isLoading}
        dataSource={v.data?.items} scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: v.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: '没有发现违反实习管理规定的情况' }}
        columns={[
          { title: '规定', render: (_, r) => <><Typography.Text strong>{r.rule.name}</Typography.Text><br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.rule.article}</Typography.Text></> },
          { title: '类别', dataIndex: 'subject', render: (s: string) => <Tag>{VIOLATION_SUBJECT_LABELS[s as 'post']}</Tag> },
          { title: '情况', dataIndex: 'message' },
          { title: '企业', dataIndex: 'enterpriseName' },
          { title: '岗位', dataIndex: 'postTitle', render: (t: string | null) => t ?? '—' },
          { title: '学生', render: (_, r) => (r.studentName ? `${r.studentName}（${r.schoolName ?? ''}）` : '—') },
        ]}
      />
    </Space>
  );
}
