import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { transferDecision, type rulePage, type transfer, type transferPage } from '../../../../../contracts/credit-bank.ts';
import { OUTCOME_KIND_LABELS } from '../../../../../core/credit-bank/kinds.ts';
import { errorMessage, get, post } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { ResponsiveTable } from '../../../components/ResponsiveTable.tsx';
import { useIsPhone } from '../../../hooks/useMediaQuery.ts';

type Transfer = z.infer<typeof transfer>;
type Item = Transfer['items'][number];
type Row = z.infer<typeof transferPage>['items'][number];
type Decision = z.input<typeof transferDecision>;

const ITEM_STATUS: Record<Item['status'], { text: string; color: string }> = {
  autoRecognised: { text: '按规则自动认定', color: 'green' },
  pendingReview: { text: '待人工认定', color: 'gold' },
  recognised: { text: '人工认定', color: 'blue' },
  rejected: { text: '不予认定', color: 'red' },
};

/** 转换申请: requests to this school, the ones waiting first; each pending item decided with its reason. */
export function TransfersPanel() {
  const phone = useIsPhone();
  const [status, setStatus] = useState<'inReview' | 'completed'>('inReview');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['cb', 'transfers', status, page],
    queryFn: () => get<z.infer<typeof transferPage>>('/api/credit-bank/transfers', { status, page, pageSize: 20 }),
    // Learners file requests at any time: the registrar's queue is read afresh whenever it is shown.
    staleTime: 0,
  });
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card size="small" title="学分转换申请" data-testid="cb-transfers">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as 'inReview' | 'completed');
            setPage(1);
          }}
          options={[
            { value: 'inReview', label: '待审核' },
            { value: 'completed', label: '已完成' },
          ]}
        />
        <ResponsiveTable<Row>
          rowKey={(r) => r.id}
          rowTestId="cb-transfer-row"
          loading={list.isLoading}
          rows={list.data?.items ?? []}
          empty={status === 'inReview' ? '没有待审核的申请' : '暂无'}
          page={page}
          pageSize={20}
          total={list.data?.total ?? 0}
          onPage={setPage}
          onRowClick={(r) => setOpen(r.id)}
          primary={{
            key: 'holder',
            title: '学习者',
            render: (r) => (
              <>
                {r.holderName}
                <div className="cj-mono" style={{ fontSize: 12, color: '#888' }}>
                  {r.accountNo}
                </div>
              </>
            ),
          }}
          columns={[
            { key: 'date', title: '申请日期', render: (r) => r.createdAt.slice(0, 10) },
            { key: 'items', title: '成果', render: (r) => `${r.itemCount} 项${r.pendingCount ? `，待认定 ${r.pendingCount}` : ''}` },
            { key: 'note', title: '说明', render: (r) => r.note ?? '—' },
            {
              key: 'open',
              title: '',
              render: (r) => (
                <Button
                  size="small"
                  type="link"
                  style={{ paddingInline: 0 }}
                  onClick={(e) => {
                    e.stopPropagation();
                    setOpen(r.id);
                  }}
                >
                  {r.pendingCount ? '审核' : '查看'}
                </Button>
              ),
            },
          ]}
        />
      </Space>
      <Drawer open={!!open} onClose={() => setOpen(null)} width={phone ? '100%' : 640} title="转换申请详情" destroyOnHidden>
        {open && <TransferDetail id={open} />}
      </Drawer>
    </Card>
  );
}

function TransferDetail({ id }: { id: string }) {
  const detail = useQuery({ queryKey: ['cb', 'transfer', id], queryFn: () => get<Transfer>(`/api/credit-bank/transfers/${id}`) });
  if (detail.error) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const t = detail.data;
  if (!t) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="cb-transfer-detail">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="学习者">
          {t.holderName}（{t.accountNo}）
        </Descriptions.Item>
        <Descriptions.Item label="申请日期">{t.createdAt.slice(0, 10)}</Descriptions.Item>
        {t.note && <Descriptions.Item label="说明">{t.note}</Descriptions.Item>}
      </Descriptions>
      <List
        dataSource={t.items}
        renderItem={(i) => (
          <List.Item style={{ display: 'block' }}>
            <Space wrap>
              <Typography.Text strong>{i.outcomeTitle}</Typography.Text>
              <Tag>{OUTCOME_KIND_LABELS[i.outcomeKind]}</Tag>
              <Tag color={ITEM_STATUS[i.status].color}>{ITEM_STATUS[i.status].text}</Tag>
            </Space>
            {i.status !== 'pendingReview' ? (
              <div style={{ marginTop: 4, color: '#555' }}>
                {i.courseCode && `${i.courseCode} ${i.courseName} · ${i.credits} 学分 · `}理由：{i.reason}
                {i.ruleVersion ? `（规则第 ${i.ruleVersion} 版）` : ''}
              </div>
            ) : (
              <DecisionForm transferId={t.id} item={i} />
            )}
          </List.Item>
        )}
      />
    </Space>
  );
}

/** The registrar's decision on one item: recognise under an agreed rule or by hand, or reject — always with a reason. */
function DecisionForm({ transferId, item }: { transferId: string; item: Item }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Decision & { how?: 'rule' | 'manual' }>();
  const decision = Form.useWatch('decision', form);
  const how = Form.useWatch('how', form);
  const rules = useQuery({
    queryKey: ['cb', 'rules', 'active-for-decisions'],
    queryFn: () => get<z.infer<typeof rulePage>>('/api/credit-bank/rules', { status: 'active', pageSize: 100 }),
  });
  const decide = useMutation({
    mutationFn: (v: Decision & { how?: string }) => {
      const { how: _h, ...body } = v;
      const payload =
        body.decision === 'reject'
          ? { decision: 'reject', reason: body.reason }
          : how === 'rule'
            ? { decision: 'recognise', ruleId: (body as { ruleId?: string }).ruleId, reason: body.reason }
            : {
                decision: 'recognise',
                courseCode: (body as { courseCode?: string }).courseCode,
                courseName: (body as { courseName?: string }).courseName,
                credits: (body as { credits?: number }).credits,
                reason: body.reason,
              };
      const checked = transferDecision.safeParse(payload);
      if (!checked.success) throw new Error(checked.error.issues[0]?.message ?? '请完善认定内容');
      return post<Transfer>(`/api/credit-bank/transfers/${transferId}/items/${item.id}/decision`, checked.data);
    },
    onSuccess: (t) => {
      message.success('已记录认定结果');
      qc.setQueryData(['cb', 'transfer', transferId], t);
      void qc.invalidateQueries({ queryKey: ['cb', 'transfers'] });
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      style={{ marginTop: 8 }}
      initialValues={{ decision: 'recognise', how: 'manual' }}
      onFinish={(v) => decide.mutate(v)}
    >
      {decide.error && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={errorMessage(decide.error)} />}
      <Space wrap>
        <Form.Item name="decision" noStyle>
          <Segmented
            options={[
              { value: 'recognise', label: '认定' },
              { value: 'reject', label: '不予认定' },
            ]}
          />
        </Form.Item>
        {decision !== 'reject' && (
          <Form.Item name="how" noStyle>
            <Segmented
              options={[
                { value: 'manual', label: '手工填写' },
                { value: 'rule', label: '按已生效规则' },
              ]}
            />
          </Form.Item>
        )}
      </Space>
      {decision !== 'reject' && how === 'rule' && (
        <Form.Item name="ruleId" label="认定规则" rules={[{ required: true, message: '请选择规则' }]} style={{ marginTop: 8 }}>
          <Select
            options={(rules.data?.items ?? []).map((r) => ({
              value: r.id,
              label: `${r.targetCourseCode} ${r.targetCourseName}（第 ${r.version} 版，${r.issuerName}）`,
            }))}
          />
        </Form.Item>
      )}
      {decision !== 'reject' && how !== 'rule' && (
        <Space wrap style={{ marginTop: 8 }}>
          <Form.Item name="courseCode" label="课程代码" rules={[{ required: true, message: '请填写' }]}>
            <Input maxLength={40} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="courseName" label="课程名称" rules={[{ required: true, message: '请填写' }]}>
            <Input maxLength={100} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="credits" label="学分" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0.5} max={60} step={0.5} precision={2} style={{ width: 90 }} />
          </Form.Item>
        </Space>
      )}
      <Form.Item
        name="reason"
        label={decision === 'reject' ? '不予认定的理由' : '认定理由'}
        rules={[{ required: true, min: 2, message: '请填写理由（至少 2 个字）' }]}
        style={{ marginTop: decision === 'reject' ? 8 : 0 }}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" danger={decision === 'reject'} loading={decide.isPending}>
        提交认定结果
      </Button>
    </Form>
  );
}
