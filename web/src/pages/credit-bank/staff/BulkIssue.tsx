import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { importAccepted } from '../../../../../contracts/imports.ts';
import { errorMessage, postFile } from '../../../api/client.ts';
import { ImportJobView } from '../../imports/ImportJobView.tsx';
import { newKey } from './shared.ts';

type Accepted = z.infer<typeof importAccepted>;

/**
 * Bulk issue from a spreadsheet through the import machinery (import.outcomes): template, upload, a job whose
 * progress and row-by-row report (row, column, reason) are shown here. Each row's 业务编号 makes a re-upload safe.
 */
export function BulkIssue() {
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      postFile<Accepted>(`/api/imports/outcomes?fileName=${encodeURIComponent(file.name)}`, file, { 'idempotency-key': newKey() }),
    onSuccess: (a) => {
      qc.setQueryData(['job', a.job.id], a.job);
      setJobId(a.job.id);
      void qc.invalidateQueries({ queryKey: ['cb', 'issued'] });
    },
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="cb-bulk-issue">
      <Card
        size="small"
        title="批量签发（Excel / CSV）"
        extra={
          <Button type="primary" ghost icon={<DownloadOutlined />} href="/api/imports/outcomes/template">
            下载模板
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          按模板每行填写一项成果：学习账号与姓名须一致；“业务编号”在本单位内唯一，同一文件重复上传不会重复签发。
          上传后逐行校验，只要有一行有误就不写入任何数据，并列出行号、列名和原因。
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{upload.isPending ? '正在上传…' : '点击或拖入填好的表格'}</p>
          <p className="ant-upload-hint">.xlsx 或 .csv（UTF-8 或 GBK 编码）</p>
        </Upload.Dragger>
        {upload.error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={errorMessage(upload.error)} />}
      </Card>
      {jobId && <ImportJobView key={jobId} jobId={jobId} />}
    </Space>
  );
}
