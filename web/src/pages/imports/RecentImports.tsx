import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Typography } from 'antd';
import type { Job } from '../../../../contracts/jobs.ts';
import { get } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { importJobKind, IMPORT_SPECS, type ImportEntity } from './entities.ts';
import { JobStatusTag } from './ImportJobView.tsx';
import { importResultOf, isActive } from './useImportJob.ts';

type JobPage = { items: Job[]; total: number };

/** My last imports into this register (the server keeps jobs per user), so an import can be found again after a reload. */
export function RecentImports({
  entity,
  current,
  onOpen,
}: {
  entity: ImportEntity;
  current: string | null;
  onOpen: (jobId: string) => void;
}) {
  const query = useQuery({
    queryKey: ['jobs', importJobKind(entity)],
    queryFn: ({ signal }) => get<JobPage>('/api/jobs', { kind: importJobKind(entity), pageSize: 10 }, { signal }),
    refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 2000 : false),
  });
  return (
    <Card title={`我最近的${IMPORT_SPECS[entity].label}导入`} size="small" data-testid="recent-imports">
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <List
          loading={query.isPending}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: '还没有导入记录' }}
          renderItem={(job) => {
            const result = importResultOf(job);
            return (
              <List.Item
                style={{ background: job.id === current ? '#e6f4ff' : undefined, paddingInline: 8 }}
                actions={[
                  <Button key="open" type="link" size="small" onClick={() => onOpen(job.id)}>
                    查看
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <span style={{ wordBreak: 'break-all' }}>
                      {result?.fileName ?? '文件处理中'} <JobStatusTag job={job} />
                    </span>
                  }
                  description={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {new Date(job.createdAt).toLocaleString('zh-CN', { hour12: false })}
                      {result?.outcome === 'imported' && ` · 新增${result.inserted} 更新${result.updated} 未变${result.unchanged}`}
                      {result?.outcome === 'rejected' && ` · ${result.issueCount}处错误`}
                    </Typography.Text>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
