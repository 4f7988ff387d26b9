import { Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { VIOLATION_SUBJECT_LABELS, type ViolationRow } from '../../../../contracts/internship-stats.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { useViolations } from './stats-api.ts';

const violationColumns: Column<ViolationRow>[] = [
  { key: 'subject', title: '类别', render: (r) => <Tag>{VIOLATION_SUBJECT_LABELS[r.subject]}</Tag> },
  { key: 'message', title: '情况', render: (r) => r.message },
  { key: 'enterprise', title: '企业', render: (r) => r.enterpriseName },
  { key: 'post', title: '岗位', render: (r) => r.postTitle ?? '—' },
  { key: 'student', title: '学生', render: (r) => (r.studentName ? `${r.studentName}（${r.schoolName ?? ''}）` : '—') },
];

/** Posts and placements that break the internship regulation, each with the rule's Chinese name and article. */
export function ViolationsTable({ year }: { year?: number }) {
  const [ruleCode, setRuleCode] = useState<string>();
  const [page, setPage] = useState(1);
  const v = useViolations({ year, ruleCode, page, pageSize: 20 });
  if (v.error) return <QueryError error={v.error} onRetry={() => void v.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="violations">
      <Select
        allowClear
        placeholder="全部规定"
        style={{ width: 280, maxWidth: '100%' }}
        value={ruleCode}
        onChange={(c) => {
          setRuleCode(c);
          setPage(1);
        }}
        options={(v.data?.byRule ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.count}）` }))}
      />
      <ResponsiveTable<ViolationRow>
        rowKey={(r) => `${r.rule.code}-${r.postId ?? ''}-${r.applicationId ?? ''}-${r.enterpriseId}-${r.field}-${r.message}`}
        rowTestId="violation-row"
        loading={v.isLoading}
        rows={v.data?.items ?? []}
        page={page}
        pageSize={20}
        total={v.data?.total ?? 0}
        onPage={setPage}
        empty="没有发现违反实习管理规定的情况"
        primary={{
          key: 'rule',
          title: '规定',
          render: (r) => (
            <>
              <Typography.Text strong>{r.rule.name}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.rule.article}
              </Typography.Text>
            </>
          ),
        }}
        columns={violationColumns}
      />
    </Space>
  );
}
