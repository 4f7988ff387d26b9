import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Select, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { importAccepted } from '../../../../contracts/imports.ts';
import { errorMessage, postFile } from '../../api/client.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { useIsPhone } from '../../hooks/useMediaQuery.ts';
import { importableEntities, importJobKind, IMPORT_SPECS, isImportEntity, type ImportEntity } from './entities.ts';
import { ImportJobView } from './ImportJobView.tsx';
import { RecentImports } from './RecentImports.tsx';

type Accepted = z.infer<typeof importAccepted>;
const ACCEPT = '.xlsx,.csv';
// randomUUID exists only in secure contexts (HTTPS, localhost); a plain-HTTP intranet address falls back.
const uploadKey = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/**
 * 数据导入: pick a register, download its template, upload a filled sheet, follow the job. The register and
 * the job live in the address (?entity=students&job=…) so the page survives a reload and can be bookmarked.
 */
export default function ImportsPage() {
  const me = useMe();
  const phone = useIsPhone();
  const entities = useMemo(() => importableEntities(rolesOf(me)), [me]);
  const [params, setParams] = useSearchParams();
  const asked = params.get('entity');
  const entity: ImportEntity | undefined = isImportEntity(asked) && entities.includes(asked) ? asked : entities[0];
  const jobId = params.get('job');
  const queryClient = useQueryClient();

  const show = (next: { entity?: ImportEntity; job?: string | null }) => {
    const p = new URLSearchParams();
    p.set('entity', next.entity ?? entity ?? '');
    if (next.job) p.set('job', next.job);
    setParams(p);
  };

  const upload = useMutation({
    // One key per picked file: a request the client sends again (stale CSRF token) does not start a second import.
    mutationFn: (file: File) =>
      postFile<Accepted>(`/api/imports/${entity}?fileName=${encodeURIComponent(file.name)}`, file, { 'idempotency-key': uploadKey() }),
    onSuccess: (accepted) => {
      queryClient.setQueryData(['job', accepted.job.id], accepted.job);
      void queryClient.invalidateQueries({ queryKey: ['jobs', importJobKind(entity!)] });
      show({ job: accepted.job.id });
    },
  });

  if (!entity) return <Empty description="您的账号没有可导入的数据" />;
  const spec = IMPORT_SPECS[entity];
  const options = entities.map((e) => ({ value: e, label: IMPORT_SPECS[e].label }));

  return (
    <div data-testid="imports-page">
      <div className="cj-page-head">
        <Typography.Title level={3}>数据导入</Typography.Title>
        <Typography.Text type="secondary">按模板填写Excel或CSV表格批量导入；每一行先全部校验，有错误时不写入任何数据。</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title="1. 选择要导入的数据">
              {phone ? (
                <Select
                  value={entity}
                  options={options}
                  onChange={(e) => show({ entity: e })}
                  style={{ width: '100%' }}
                  aria-label="导入类型"
                />
              ) : (
                <Segmented
                  value={entity}
                  options={options}
                  onChange={(e) => show({ entity: e as ImportEntity })}
                  data-testid="import-entity"
                />
              )}
            </Card>
            <Card
              size="small"
              title="2. 下载模板并填写"
              extra={
                <Button
                  type="primary"
                  ghost
                  icon={<DownloadOutlined />}
                  href={`/api/imports/${entity}/template`}
                  data-testid="import-template"
                >
                  下载{spec.label}模板
                </Button>
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                模板第一行为中文表头，第二行为示例（导入时自动跳过）。带 * 的列必填，鼠标悬停查看填写说明：
              </Typography.Paragraph>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
                {spec.columns.map((c) => (
                  <Tooltip key={c.key} title={`${c.hint}${c.example ? `，例：${c.example}` : ''}`}>
                    <Tag color={c.required ? 'blue' : undefined} style={{ marginInlineEnd: 0 }}>
                      {c.required ? '* ' : ''}
                      {c.header}
                    </Tag>
                  </Tooltip>
                ))}
              </div>
            </Card>
            <Card size="small" title="3. 上传填好的表格">
              <Upload.Dragger
                accept={ACCEPT}
                multiple={false}
                showUploadList={false}
                disabled={upload.isPending}
                beforeUpload={(file) => {
                  upload.mutate(file);
                  return false;
                }}
                data-testid="import-upload"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{upload.isPending ? '正在上传…' : '点击或拖入文件上传'}</p>
                <p className="ant-upload-hint">支持 .xlsx 和 .csv（UTF-8 或 GBK 编码）；超出大小或行数上限时请拆分为多个文件</p>
              </Upload.Dragger>
              {upload.error && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 12 }}
                  title={errorMessage(upload.error)}
                  data-testid="import-upload-error"
                />
              )}
            </Card>
            {jobId && <ImportJobView key={jobId} jobId={jobId} />}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <RecentImports entity={entity} current={jobId} onOpen={(job) => show({ job })} />
        </Col>
      </Row>
    </div>
  );
}
