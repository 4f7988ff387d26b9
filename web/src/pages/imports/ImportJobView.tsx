import { CheckCircleTwoTone, DownloadOutlined, RedoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Progress, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Job } from '../../../../contracts/jobs.ts';
import type { ImportResult } from '../../../../contracts/imports.ts';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../hooks/useMediaQuery.ts';
import { entityOfJobKind, IMPORT_SPECS } from './entities.ts';
import { importResultOf, isActive, useImportJob } from './useImportJob.ts';

type Issue = ImportResult['issues'][number];

const STATUS: Record<Job['status'], { text: string; color: string }> = {
  queued: { text: '排队中', color: 'default' },
  running: { text: '处理中', color: 'processing' },
  succeeded: { text: '已完成', color: 'success' },
  failed: { text: '失败', color: 'error' },
};

export function JobStatusTag({ job }: { job: Job }) {
  const result = importResultOf(job);
  if (result?.outcome === 'rejected') return <Tag color="warning">有错误，未导入</Tag>;
  if (result?.outcome === 'imported') return <Tag color="success">已导入</Tag>;
  return <Tag color={STATUS[job.status].color}>{STATUS[job.status].text}</Tag>;
}

/** One import job: live progress while it runs, then the counts, or the error report (row, column, reason). */
export function ImportJobView({ jobId }: { jobId: string }) {
  const query = useImportJob(jobId);
  const job = query.data;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!job)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const entity = entityOfJobKind(job.kind);
  const result = importResultOf(job);
  return (
    <Card
      data-testid="import-job"
      title={
        <Space wrap>
          {entity ? `${IMPORT_SPECS[entity].label}导入` : '导入任务'}
          <JobStatusTag job={job} />
        </Space>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {new Date(job.createdAt).toLocaleString('zh-CN', { hour12: false })}
        </Typography.Text>
      }
    >
      {isActive(job) && <Running job={job} />}
      {job.status === 'failed' && <Failed job={job} />}
      {result && <Finished result={result} />}
    </Card>
  );
}

function Running({ job }: { job: Job }) {
  const { done, total, message } = job.progress;
  const percent = total ? Math.min(99, Math.floor((done / total) * 100)) : undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} />
      <Typography.Text type="secondary">{message || (job.status === 'queued' ? '任务已排队，稍后开始' : '正在处理…')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        可以离开或刷新本页，导入会在后台继续；本页地址可随时回来查看结果。
      </Typography.Text>
    </Space>
  );
}

function Failed({ job }: { job: Job }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => post<Job>(`/api/jobs/${job.id}/retry`),
    onSuccess: (next) => queryClient.setQueryData(['job', job.id], next),
  });
  return (
    <Alert
      type="error"
      showIcon
      title={job.error?.message ?? '导入任务失败'}
      description={retry.error ? errorMessage(retry.error) : '文件已保留，可从中断处重试。'}
      action={
        <Button icon={<RedoOutlined />} loading={retry.isPending} onClick={() => retry.mutate()}>
          重试
        </Button>
      }
    />
  );
}

function Finished({ result }: { result: ImportResult }) {
  const phone = useIsPhone();
  const file = (
    <Descriptions size="small" column={phone ? 1 : 3} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="文件">{result.fileName}</Descriptions.Item>
      <Descriptions.Item label="格式">
        {result.format === 'csv' ? `CSV（${result.encoding ?? '自动识别'}）` : 'Excel (.xlsx)'}
      </Descriptions.Item>
      <Descriptions.Item label="读取数据行">
        {result.rowsRead}
        {result.skippedExampleRows ? `（已跳过示例行${result.skippedExampleRows}行）` : ''}
      </Descriptions.Item>
    </Descriptions>
  );
  if (result.outcome === 'imported') {
    return (
      <div data-testid="import-imported">
        {file}
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
          title="导入成功"
          description="所有行均已校验通过并写入。重复导入同一文件不会产生重复记录。"
          style={{ marginBottom: 16 }}
        />
        <Space size={phone ? 16 : 48} wrap>
          <Statistic title="新增" value={result.inserted} suffix="条" />
          <Statistic title="更新" value={result.updated} suffix="条" />
          <Statistic title="未变化" value={result.unchanged} suffix="条" />
        </Space>
      </div>
    );
  }
  const shown = result.issues.length;
  // On a phone the button goes under the message: as the alert's action it squeezes the text to a sliver.
  const report = result.reportUrl ? (
    <Button icon={<DownloadOutlined />} href={result.reportUrl} data-testid="import-report" block={phone}>
      下载错误报告
    </Button>
  ) : null;
  return (
    <div data-testid="import-rejected">
      {file}
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title={`发现${result.issueCount}处错误，本次未导入任何数据`}
        description="导入要么全部成功、要么全部不写入。请按下表修改表格后重新上传。"
        action={!phone ? report : undefined}
      />
      {phone && report && <div style={{ marginBottom: 12 }}>{report}</div>}
      <IssueTable issues={result.issues} phone={phone} />
      {result.issueCount > shown && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          此处显示前{shown}处错误，全部{result.issueCount}处见错误报告（.xlsx）。
        </Typography.Paragraph>
      )}
    </div>
  );
}

function IssueTable({ issues, phone }: { issues: Issue[]; phone: boolean }) {
  const rows = issues.map((issue, i) => ({ ...issue, key: i }));
  const where = (i: Issue) => [i.row !== null ? `第${i.row}行` : '整个文件', i.column].filter(Boolean).join(' · ');
  return phone ? (
    <Table
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }}
      columns={[
        {
          key: 'issue',
          title: '错误',
          render: (_: unknown, i: Issue) => (
            <div>
              <Typography.Text strong>{where(i)}</Typography.Text>
              <div>{i.reason}</div>
            </div>
          ),
        },
      ]}
    />
  ) : (
    <Table
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        { key: 'row', title: '行号', dataIndex: 'row', width: 90, render: (r: number | null) => r ?? '—' },
        { key: 'column', title: '列', dataIndex: 'column', width: 200, render: (c: string | null) => c ?? '—' },
        { key: 'reason', title: '错误原因', dataIndex: 'reason' },
      ]}
    />
  );
}
